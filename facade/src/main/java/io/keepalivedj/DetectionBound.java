package io.keepalivedj;

import io.keepalivedj.check.CheckOptions;
import java.time.Duration;

/**
 * How long a checker may take to notice a change, from its options alone: what an operator
 * compares a measured failover with.
 */
public final class DetectionBound {
  private DetectionBound() {}

  /**
   * The longest an UP server that dies stays UP: it dies just after a passed attempt, the next
   * attempt comes {@code delay_loop} later, and each of the {@code retry + 1} failing attempts may
   * wait out {@code connect_timeout}, with {@code delay_before_retry} between them. (Attempt
   * delays count from the end of the previous attempt, so a slow last success adds its latency.)
   * The seed: 10 s + 5 s x 2 + 3 s x 1 = 23 s.
   */
  public static Duration down(CheckOptions o) {
    return o.delayLoop()
        .plus(o.connectTimeout().multipliedBy(o.retry() + 1L))
        .plus(o.delayBeforeRetry().multipliedBy(o.retry()));
  }

  /**
   * The longest a DOWN server that comes back stays DOWN: an attempt may have just started and
   * fail after up to {@code connect_timeout}; the next is at most {@code delay_loop} later (the
   * larger of delay_loop and delay_before_retry, as a retry round may be under way) and passes,
   * plus that passing attempt's own latency, which no option bounds. The seed: 10 s + 5 s = 15 s.
   */
  public static Duration up(CheckOptions o) {
    Duration gap = o.delayLoop().compareTo(o.delayBeforeRetry()) >= 0 ? o.delayLoop() : o.delayBeforeRetry();
    return gap.plus(o.connectTimeout());
  }
}
