package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * {@code PING_CHECK { ... }}: an ICMP/ICMPv6 echo is answered.
 *
 * @param common connection and timing options (the only options it has; ports are unused)
 * @param position where the keyword is
 */
public record PingChecker(CheckerCommon common, SourcePosition position) implements CheckerConfig {
  public PingChecker {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "PING_CHECK";
  }
}
