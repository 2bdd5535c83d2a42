package io.keepalivedj.check;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/** The result of one attempt of one checker, before the retry logic looks at it. */
public sealed interface AttemptOutcome {

    /** Start of the attempt to its end. */
    Duration latency();

    /**
     * The attempt passed.
     *
     * @param weight MISC_CHECK misc_dynamic: exit status − 2 for exits 2-255; empty otherwise
     *               (exit 0 leaves the weight unchanged, keepalived.conf(5))
     */
    record Success(Duration latency, OptionalInt weight) implements AttemptOutcome {
        public Success {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(weight, "weight");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("negative latency " + latency);
            }
            weight.ifPresent(w -> {
                if (w < 0 || w > 253) {
                    throw new IllegalArgumentException("misc_dynamic weight must be 0-253: " + w);
                }
            });
        }

        public static Success of(Duration latency) {
            return new Success(latency, OptionalInt.empty());
        }
    }

    /** The attempt failed for {@code reason}. */
    record Failure(FailureReason reason, Duration latency) implements AttemptOutcome {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("negative latency " + latency);
            }
        }
    }
}
