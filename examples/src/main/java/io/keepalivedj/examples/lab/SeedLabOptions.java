package io.keepalivedj.examples.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line of {@link SeedLab}.
 *
 * @param config      the keepalived.conf to run (bin/lab passes lab/seed/keepalived.lab.conf)
 * @param delayLoop   {@code --delay-loop SECONDS}: replaces every virtual_server's delay_loop, for
 *                    a quicker run; empty runs the file's own timings
 * @param webServer   which HTTP server the real servers run
 */
record SeedLabOptions(Path config, Optional<Duration> delayLoop, WebServer.Kind webServer) {

  static final String USAGE = """
      usage: SeedLab --config FILE [--delay-loop SECONDS] [--web-server auto|python3|java]
        --config FILE          the keepalived.conf whose checkers run (bin/lab: lab/seed/keepalived.lab.conf)
        --delay-loop SECONDS   NOT the seed's timing: replace every virtual_server's delay_loop, for a
                               quicker run (the printed bounds follow it); default: the file's own
        --web-server KIND      the real servers' HTTP server: python3 (python3 -m http.server), java
                               (a small server of ours), auto (python3 if installed, else java)""";

  SeedLabOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(delayLoop, "delayLoop");
    delayLoop.ifPresent(d -> {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("--delay-loop must be above 0: " + d);
      }
    });
    Objects.requireNonNull(webServer, "webServer");
  }

  /** Parses the arguments; IllegalArgumentException names what is wrong. */
  static SeedLabOptions parse(String... args) {
    Path config = null;
    Optional<Duration> delayLoop = Optional.empty();
    WebServer.Kind web = WebServer.Kind.AUTO;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--config" -> config = Path.of(value(args, ++i, a));
        case "--delay-loop" -> delayLoop = Optional.of(seconds(value(args, ++i, a)));
        case "--web-server" -> web = WebServer.Kind.fromName(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    if (config == null) {
      throw new IllegalArgumentException("--config FILE is required");
    }
    return new SeedLabOptions(config, delayLoop, web);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Seconds with up to millisecond precision, as keepalived writes timers ({@code 1.5}). */
  private static Duration seconds(String text) {
    try {
      return Duration.ofMillis(new java.math.BigDecimal(text).movePointRight(3).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("--delay-loop takes seconds with at most 3 decimals: '" + text + "'");
    }
  }
}
