package io.keepalivedj.check;

import java.time.Instant;
import java.util.Objects;

/** The last completed attempt of one check: where, what, when. */
public record CheckResult(CheckTarget target, AttemptOutcome outcome, Instant completedAt) {
    public CheckResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
