package io.keepalivedj.check;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the retry logic remembers about one check between attempts.
 *
 * @param health         current health; UP at start unless alpha
 * @param hasRun         whether any attempt has completed
 * @param failedAttempts failures so far in the current retry round (0..retry)
 * @param weight         last misc_dynamic weight reported, if any
 */
public record CheckerState(Health health, boolean hasRun, int failedAttempts, OptionalInt weight) {
    public CheckerState {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(weight, "weight");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must be >= 0: " + failedAttempts);
        }
    }
}
