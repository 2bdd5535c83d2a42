package io.keepalivedj.config.model;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code garp_extra_if [all] DELAY} (deprecated spelling {@code vmac_garp_intvl}): with a VMAC,
 * also send gratuitous ARPs on the base interface (or, with {@code all}, on every interface
 * holding a VIP) every {@code interval}.
 *
 * @param interval in [0, 86400] s, whole seconds
 * @param all {@code all}
 */
public record GarpExtraIf(Duration interval, boolean all) {
  public GarpExtraIf {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("garp_extra_if outside 0..86400 s: " + interval);
    }
  }
}
