package io.keepalivedj.config.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code lvs_timeouts [tcp N] [tcpfin N] [udp N]}: IPVS connection timeouts ({@code ipvsadm
 * --set}), whole seconds up to 86400*31; an option left out keeps the kernel's value.
 */
public record LvsTimeouts(Optional<Duration> tcp, Optional<Duration> tcpfin, Optional<Duration> udp) {
  /** LVS_MAX_TIMEOUT: 31 days. */
  public static final Duration MAX = Duration.ofDays(31);

  public LvsTimeouts {
    for (Optional<Duration> d : List.of(tcp, tcpfin, udp)) {
      Objects.requireNonNull(d, "timeout");
      if (d.isPresent() && (d.get().isNegative() || d.get().compareTo(MAX) > 0)) {
        throw new IllegalArgumentException("lvs_timeouts value outside 0..31 days: " + d.get());
      }
    }
  }
}
