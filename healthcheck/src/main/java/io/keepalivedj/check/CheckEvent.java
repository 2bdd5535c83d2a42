package io.keepalivedj.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/** A change a {@link CheckListener} hears about: a target went UP or DOWN, or its weight moved. */
public sealed interface CheckEvent {

    CheckId id();

    CheckTarget target();

    /** When the attempt that caused the event completed. */
    Instant at();

    /**
     * The target passed while DOWN (first success after alpha or after a failure).
     *
     * @param weight misc_dynamic weight, if the check reports one
     */
    record Up(CheckId id, CheckTarget target, CheckType type, Duration latency, OptionalInt weight, Instant at)
            implements CheckEvent {
        public Up {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The target was UP and failed retry+1 attempts in a row; {@code reason} is the last one's. */
    record Down(CheckId id, CheckTarget target, CheckType type, FailureReason reason, Duration latency, Instant at)
            implements CheckEvent {
        public Down {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(at, "at");
        }
    }

    /** misc_dynamic: an UP target reported a different weight (exit status − 2). */
    record WeightChanged(CheckId id, CheckTarget target, int weight, Instant at) implements CheckEvent {
        public WeightChanged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(at, "at");
        }
    }
}
