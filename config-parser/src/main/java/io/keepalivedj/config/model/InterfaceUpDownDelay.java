package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.Objects;

/**
 * One line of {@code interface_up_down_delays { ... }}: {@code IFNAME DOWN_DELAY [UP_DELAY]},
 * how long a link change must last before VRRP instances react to it.
 *
 * @param name the interface
 * @param downDelay delay before a link going down counts, in [0, 255] s
 * @param upDelay delay before a link coming up counts, in [0, 255] s, default 0
 * @param position where the line was written
 */
public record InterfaceUpDownDelay(String name, Duration downDelay, Duration upDelay, SourcePosition position) {
  private static final Duration MAX = Duration.ofSeconds(255);

  public InterfaceUpDownDelay {
    InterfaceNames.check(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(downDelay, "downDelay");
    Objects.requireNonNull(upDelay, "upDelay");
    Objects.requireNonNull(position, "position");
    if (downDelay.isNegative() || upDelay.isNegative() || downDelay.compareTo(MAX) > 0 || upDelay.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("delays must be in 0..255 s");
    }
  }
}
