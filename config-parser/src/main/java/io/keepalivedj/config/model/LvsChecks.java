package io.keepalivedj.config.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Range checks shared by the LVS-side records, so every record says its limits the same way. */
final class LvsChecks {
  /** keepalived keeps timers in microseconds ({@code TIMER_HZ}, lib/timer.h). */
  static final Duration MICROSECOND = Duration.ofNanos(1000);
  /** {@code connect_timeout} is held in an unsigned int of microseconds: at most 4294.967295 s. */
  static final Duration CONNECT_TIMEOUT_MAX = Duration.ofNanos(0xFFFF_FFFFL * 1000L);
  static final long UINT32_MAX = 0xFFFF_FFFFL;
  /** {@code IPVS_WEIGHT_LIMIT}, keepalived include/ip_vs.h: INT32_MAX. */
  static final int WEIGHT_MAX = Integer.MAX_VALUE;
  /** IFNAMSIZ - 1. */
  static final int INTERFACE_NAME_MAX = 15;

  private LvsChecks() {}

  static long range(String what, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " outside " + min + ".." + max + ": " + value);
    }
    return value;
  }

  static void range(String what, Optional<? extends Number> value, long min, long max) {
    Objects.requireNonNull(value, what);
    value.ifPresent(v -> range(what, v.longValue(), min, max));
  }

  static void port(String what, int port, boolean zeroAllowed) {
    range(what, port, zeroAllowed ? 0 : 1, 65535);
  }

  /** A timer at least {@code min}, at keepalived's microsecond resolution. */
  static void timer(String what, Duration d, Duration min) {
    Objects.requireNonNull(d, what);
    if (d.compareTo(min) < 0) {
      throw new IllegalArgumentException(what + " must be at least " + min + ": " + d);
    }
    if (d.toNanosPart() % 1000 != 0) {
      throw new IllegalArgumentException(what + " has more precision than a microsecond: " + d);
    }
  }

  static void timer(String what, Optional<Duration> d, Duration min) {
    Objects.requireNonNull(d, what);
    d.ifPresent(v -> timer(what, v, min));
  }

  static void connectTimeout(String what, Duration d) {
    timer(what, d, MICROSECOND);
    if (d.compareTo(CONNECT_TIMEOUT_MAX) > 0) {
      throw new IllegalArgumentException(what + " above 4294.967295 s: " + d);
    }
  }

  static void text(String what, Optional<String> s) {
    Objects.requireNonNull(s, what);
    s.ifPresent(v -> {
      if (v.isEmpty()) {
        throw new IllegalArgumentException(what + " is empty");
      }
    });
  }

  static void interfaceName(Optional<String> s) {
    text("bindIf", s);
    s.ifPresent(v -> {
      if (v.length() > INTERFACE_NAME_MAX) {
        throw new IllegalArgumentException("interface name longer than 15 characters: " + v);
      }
    });
  }

  /** A tunnel goes with {@code TUN} and nothing else. */
  static void tunnel(Optional<LvsMethod> method, Optional<LvsTunnel> tunnel) {
    Objects.requireNonNull(method, "lvsMethod");
    Objects.requireNonNull(tunnel, "tunnel");
    if (tunnel.isPresent() != (method.orElse(null) == LvsMethod.TUN)) {
      throw new IllegalArgumentException("tunnel options belong to lvs_method TUN and only to it: "
          + method.map(LvsMethod::keyword).orElse("(inherited)") + " with " + tunnel);
    }
  }
}
