package io.keepalivedj;

import io.keepalivedj.check.CheckSpec;
import java.util.Objects;

/**
 * One checker of the configuration, ready to hand to a {@link io.keepalivedj.check.CheckScheduler}.
 *
 * @param ref  where it comes from
 * @param spec what to run, every option at its effective value
 */
public record PlannedCheck(CheckerRef ref, CheckSpec spec) {
  public PlannedCheck {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(spec, "spec");
  }
}
