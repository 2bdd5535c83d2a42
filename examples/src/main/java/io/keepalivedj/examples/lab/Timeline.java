package io.keepalivedj.examples.lab;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The lab's printed log: each line with the wall-clock time it happened (as a capture or syslog
 * would show it) and the seconds since the lab started, so intervals read off directly.
 */
final class Timeline {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
      .withZone(ZoneId.systemDefault());
  /** Width of "12:34:56.789  +123.4 s  ", so continuation lines line up under the text. */
  private static final String INDENT = " ".repeat(24);

  private final PrintStream out;
  private final Instant start;

  Timeline(PrintStream out, Instant start) {
    this.out = Objects.requireNonNull(out, "out");
    this.start = Objects.requireNonNull(start, "start");
  }

  /** A section heading, as the static part of bin/lab prints them. */
  void step(String title) {
    out.printf("%n== %s%n", title);
    out.flush();
  }

  /** A line stamped now. */
  void now(String text) {
    at(Instant.now(), text);
  }

  /** A line stamped {@code when} (an event's own time). */
  void at(Instant when, String text) {
    double since = Duration.between(start, when).toMillis() / 1000.0;
    out.printf(Locale.ROOT, "%s %+7.1f s  %s%n", CLOCK.format(when), since, text);
    out.flush();
  }

  /** A continuation line under the previous one. */
  void detail(String text) {
    out.println(INDENT + text);
    out.flush();
  }

  /** Seconds with one decimal, "23 s" when whole: how timers are read. */
  static String seconds(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Milliseconds for short latencies. */
  static String millis(Duration d) {
    long micros = d.toNanos() / 1000;
    return micros < 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000.0) : (micros / 1000) + " ms";
  }
}
