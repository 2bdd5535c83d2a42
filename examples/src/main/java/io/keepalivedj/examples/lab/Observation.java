package io.keepalivedj.examples.lab;

import io.keepalivedj.PlannedCheck;
import io.keepalivedj.check.AttemptOutcome;
import io.keepalivedj.check.CheckEvent;
import java.time.Instant;
import java.util.Objects;

/** Something the live checks did, in the order it happened, tied to its configured checker. */
sealed interface Observation {
  PlannedCheck check();

  Instant at();

  /** One attempt ended (passed or failed), before the retry logic looks at it. */
  record Attempt(PlannedCheck check, AttemptOutcome outcome, Instant at) implements Observation {
    public Attempt {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The scheduler's verdict changed: UP, DOWN, or a misc_dynamic weight. */
  record Transition(PlannedCheck check, CheckEvent event) implements Observation {
    public Transition {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(event, "event");
    }

    @Override
    public Instant at() {
      return event.at();
    }
  }
}
