package io.keepalivedj;

import java.util.Objects;

/**
 * One checker of the configuration that will not run, and why.
 *
 * @param ref    where it comes from
 * @param reason why it has no spec
 */
public record SkippedCheck(CheckerRef ref, SkipReason reason) {
  public SkippedCheck {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return ref + " (" + ref.position() + "): " + reason.message();
  }
}
