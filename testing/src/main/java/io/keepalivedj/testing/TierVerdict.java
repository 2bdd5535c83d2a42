package io.keepalivedj.testing;

import java.util.Objects;

/**
 * What a tier gate decided for a test class: run it, skip it (a developer machine without the
 * prerequisites) or fail it (CI, where DESIGN.md forbids silent skips).
 */
public sealed interface TierVerdict permits TierVerdict.Run, TierVerdict.Skip, TierVerdict.Fail {

    /** Every prerequisite is met. */
    record Run() implements TierVerdict {
    }

    /**
     * Something is missing and this is not CI: abort (JUnit reports "skipped") with the message.
     *
     * @param message names each missing prerequisite and how to install it
     */
    record Skip(String message) implements TierVerdict {
        public Skip {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Something is missing and CI is "true": the test fails with the message.
     *
     * @param message names each missing prerequisite and how to install it
     */
    record Fail(String message) implements TierVerdict {
        public Fail {
            Objects.requireNonNull(message, "message");
        }
    }
}
