package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A keyword keepalived knows but the model does not type (process priorities, SNMP, netlink
 * buffer sizes, nftables, FIFOs, deprecated spellings...): kept as written, so it is never
 * reported as unknown and a dump still shows it.
 *
 * @param keyword the keyword as written
 * @param args its arguments; for a block keyword, the words of every line inside the block
 * @param position where the keyword was written
 */
public record OtherSetting(String keyword, List<String> args, SourcePosition position) {
  public OtherSetting {
    Objects.requireNonNull(keyword, "keyword");
    if (keyword.isEmpty()) {
      throw new IllegalArgumentException("empty keyword");
    }
    args = List.copyOf(args);
    Objects.requireNonNull(position, "position");
  }
}
