package io.keepalivedj.check;

import java.math.BigDecimal;
import java.time.Duration;

/** Human text for durations in reasons and logs: {@code 5 s}, {@code 1.5 s}, {@code 200 ms}. */
final class Durations {

    private Durations() {
    }

    static String human(Duration d) {
        if (d.toNanos() % 1_000_000_000L == 0) {
            return d.toSeconds() + " s";
        }
        if (d.compareTo(Duration.ofSeconds(1)) >= 0) {
            return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
        }
        if (d.toNanos() % 1_000_000L == 0) {
            return d.toMillis() + " ms";
        }
        return BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }
}
