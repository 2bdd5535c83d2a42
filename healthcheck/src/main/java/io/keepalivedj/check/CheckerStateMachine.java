package io.keepalivedj.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * keepalived's checker retry semantics as pure functions: no clock, no I/O, so the rules
 * below are pinned by tests and the scheduler only applies them.
 *
 * <ul>
 *   <li>Start: DOWN with {@code alpha} ("On daemon startup assume that all RSs are down"),
 *       otherwise UP. The first attempt waits a random time in [0, warmup] ("Optional random
 *       delay to start the initial check for maximum N seconds").</li>
 *   <li>Success: a DOWN target goes UP at once; the next attempt is delay_loop later.</li>
 *   <li>Failure: while fewer than {@code retry} failures have been retried in this round,
 *       try again after delay_before_retry ("Retry count to make additional checks if check
 *       of an alive server fails"); the (retry+1)-th consecutive failure ends the round: an UP
 *       target goes DOWN and the next attempt is delay_loop later. A DOWN target runs the same
 *       rounds without further events.</li>
 *   <li>Every delay counts from the end of the previous attempt, not its start: keepalived
 *       registers the next check when the current one completes, so a slow server stretches
 *       the period by its latency.</li>
 * </ul>
 */
public final class CheckerStateMachine {

    private CheckerStateMachine() {
    }

    /** The state and the delay before the first attempt. */
    public static Step initial(CheckOptions options, RandomGenerator random) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(random, "random");
        CheckerState state = new CheckerState(options.alpha() ? Health.DOWN : Health.UP, false, 0, OptionalInt.empty());
        long warmupNanos = options.warmup().toNanos();
        Duration delay = warmupNanos == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(0, warmupNanos + 1));
        return new Step(state, delay, Optional.empty(), false);
    }

    /**
     * Applies one completed attempt.
     *
     * @return the new state, the delay from now (the attempt's completion) to the next attempt,
     *         the health transition if any, and whether an UP target's dynamic weight changed
     */
    public static Step next(CheckerState state, AttemptOutcome outcome, CheckOptions options) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(options, "options");
        if (outcome instanceof AttemptOutcome.Success success) {
            OptionalInt weight = success.weight().isPresent() ? success.weight() : state.weight();
            CheckerState after = new CheckerState(Health.UP, true, 0, weight);
            boolean wentUp = state.health() == Health.DOWN;
            boolean weightChanged = !wentUp && success.weight().isPresent() && !success.weight().equals(state.weight());
            return new Step(after, options.delayLoop(), wentUp ? Optional.of(Health.UP) : Optional.empty(), weightChanged);
        } else if (outcome instanceof AttemptOutcome.Failure) {
            if (state.failedAttempts() < options.retry()) {
                CheckerState after = new CheckerState(state.health(), true, state.failedAttempts() + 1, state.weight());
                return new Step(after, options.delayBeforeRetry(), Optional.empty(), false);
            }
            CheckerState after = new CheckerState(Health.DOWN, true, 0, state.weight());
            boolean wentDown = state.health() == Health.UP;
            return new Step(after, options.delayLoop(), wentDown ? Optional.of(Health.DOWN) : Optional.empty(), false);
        } else {
            throw new AssertionError(outcome);
        }
    }

    /**
     * One step of the logic.
     *
     * @param state         the state after the step
     * @param delay         time from the attempt's completion (or from start) to the next attempt
     * @param transition    the new health if it changed
     * @param weightChanged an UP target stayed UP with a new misc_dynamic weight
     */
    public record Step(CheckerState state, Duration delay, Optional<Health> transition, boolean weightChanged) {
        public Step {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(transition, "transition");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
        }
    }
}
