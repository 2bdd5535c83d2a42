package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code garp_group { ... }} block: pacing of gratuitous ARPs and unsolicited NAs sent on a set
 * of interfaces, shared across the instances using them.
 *
 * @param garpInterval {@code garp_interval}: gap between gratuitous ARPs; at least one of the two
 *     intervals must be set
 * @param gnaInterval {@code gna_interval}: gap between unsolicited neighbour adverts
 * @param interfaces {@code interface IF} and the lines of {@code interfaces { ... }}
 * @param position where the block starts
 */
public record GarpGroup(
    Optional<Duration> garpInterval,
    Optional<Duration> gnaInterval,
    List<String> interfaces,
    SourcePosition position) {

  public GarpGroup {
    Objects.requireNonNull(garpInterval, "garpInterval");
    Objects.requireNonNull(gnaInterval, "gnaInterval");
    interfaces = List.copyOf(interfaces);
    interfaces.forEach(InterfaceNames::check);
    Objects.requireNonNull(position, "position");
    if (garpInterval.isEmpty() && gnaInterval.isEmpty()) {
      throw new IllegalArgumentException("garp_group needs garp_interval or gna_interval");
    }
    for (Optional<Duration> d : List.of(garpInterval, gnaInterval)) {
      if (d.isPresent() && d.get().isNegative()) {
        throw new IllegalArgumentException("negative interval: " + d.get());
      }
    }
  }
}
