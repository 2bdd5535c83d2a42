package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Pins keepalived's retry/delay semantics (keepalived.conf(5), "virtual_server" options). */
class CheckerStateMachineTest {

    static final Duration LOOP = Duration.ofSeconds(10);
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    static final CheckOptions OPTS = CheckOptions.builder(CheckType.HTTP_GET)
            .delayLoop(LOOP).delayBeforeRetry(RETRY_DELAY).retry(2).warmup(Duration.ZERO).build();
    static final AttemptOutcome OK = AttemptOutcome.Success.of(Duration.ofMillis(3));
    static final AttemptOutcome FAIL = new AttemptOutcome.Failure(new FailureReason.ConnectionRefused(), Duration.ofMillis(1));

    @Test
    void withoutAlphaStartsUpAndFirstSuccessIsNoEvent() {
        CheckerStateMachine.Step s = CheckerStateMachine.initial(OPTS, RandomGenerator.getDefault());
        assertThat(s.state().health()).isEqualTo(Health.UP);
        assertThat(s.state().hasRun()).isFalse();
        assertThat(s.delay()).isZero();
        CheckerStateMachine.Step n = CheckerStateMachine.next(s.state(), OK, OPTS);
        assertThat(n.transition()).isEmpty();
        assertThat(n.delay()).isEqualTo(LOOP);
        assertThat(n.state().hasRun()).isTrue();
    }

    @Test
    void alphaStartsDownAndFirstSuccessGoesUp() {
        CheckerStateMachine.Step s = CheckerStateMachine.initial(OPTS.withAlpha(true), RandomGenerator.getDefault());
        assertThat(s.state().health()).isEqualTo(Health.DOWN);
        CheckerStateMachine.Step n = CheckerStateMachine.next(s.state(), OK, OPTS);
        assertThat(n.transition()).contains(Health.UP);
        assertThat(n.state().health()).isEqualTo(Health.UP);
        assertThat(n.delay()).isEqualTo(LOOP);
    }

    @Test
    void upGoesDownAfterRetryPlusOneConsecutiveFailures() {
        CheckerState st = new CheckerState(Health.UP, true, 0, OptionalInt.empty());
        // retry 2: failures 1 and 2 are retried after delay_before_retry, failure 3 is DOWN.
        CheckerStateMachine.Step a = CheckerStateMachine.next(st, FAIL, OPTS);
        assertThat(a.transition()).isEmpty();
        assertThat(a.delay()).isEqualTo(RETRY_DELAY);
        assertThat(a.state().health()).isEqualTo(Health.UP);
        CheckerStateMachine.Step b = CheckerStateMachine.next(a.state(), FAIL, OPTS);
        assertThat(b.transition()).isEmpty();
        assertThat(b.delay()).isEqualTo(RETRY_DELAY);
        CheckerStateMachine.Step c = CheckerStateMachine.next(b.state(), FAIL, OPTS);
        assertThat(c.transition()).contains(Health.DOWN);
        assertThat(c.delay()).isEqualTo(LOOP);
        assertThat(c.state().failedAttempts()).isZero();
    }

    @Test
    void retryZeroGoesDownOnFirstFailure() {
        CheckerState st = new CheckerState(Health.UP, true, 0, OptionalInt.empty());
        CheckerStateMachine.Step a = CheckerStateMachine.next(st, FAIL, OPTS.withRetry(0));
        assertThat(a.transition()).contains(Health.DOWN);
        assertThat(a.delay()).isEqualTo(LOOP);
    }

    @Test
    void successInTheMiddleOfARoundResetsTheCount() {
        CheckerState st = new CheckerState(Health.UP, true, 0, OptionalInt.empty());
        CheckerStateMachine.Step a = CheckerStateMachine.next(st, FAIL, OPTS);
        CheckerStateMachine.Step b = CheckerStateMachine.next(a.state(), FAIL, OPTS);
        CheckerStateMachine.Step c = CheckerStateMachine.next(b.state(), OK, OPTS);
        assertThat(c.transition()).isEmpty();
        assertThat(c.state().failedAttempts()).isZero();
        CheckerStateMachine.Step d = CheckerStateMachine.next(c.state(), FAIL, OPTS);
        assertThat(d.transition()).isEmpty();
        assertThat(d.delay()).isEqualTo(RETRY_DELAY);
    }

    @Test
    void downTargetRetriesSilentlyAndOneSuccessBringsItUp() {
        CheckerState down = new CheckerState(Health.DOWN, true, 0, OptionalInt.empty());
        CheckerStateMachine.Step a = CheckerStateMachine.next(down, FAIL, OPTS);
        assertThat(a.transition()).isEmpty();
        assertThat(a.delay()).isEqualTo(RETRY_DELAY);
        CheckerStateMachine.Step b = CheckerStateMachine.next(a.state(), FAIL, OPTS);
        CheckerStateMachine.Step c = CheckerStateMachine.next(b.state(), FAIL, OPTS);
        assertThat(c.transition()).isEmpty();
        assertThat(c.delay()).isEqualTo(LOOP);
        CheckerStateMachine.Step d = CheckerStateMachine.next(c.state(), OK, OPTS);
        assertThat(d.transition()).contains(Health.UP);
    }

    @Test
    void warmupDrawsFromZeroToWarmupInclusive() {
        CheckOptions o = OPTS.withWarmup(Duration.ofSeconds(4));
        long bound = Duration.ofSeconds(4).toNanos();
        RandomGenerator max = new FixedRandom(bound);
        RandomGenerator min = new FixedRandom(0);
        assertThat(CheckerStateMachine.initial(o, max).delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(CheckerStateMachine.initial(o, min).delay()).isZero();
        RandomGenerator seeded = RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 1000; i++) {
            Duration d = CheckerStateMachine.initial(o, seeded).delay();
            assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(4));
        }
    }

    @Test
    void dynamicWeightChangeWhileUpIsReported() {
        CheckerState up = new CheckerState(Health.UP, true, 0, OptionalInt.empty());
        AttemptOutcome w8 = new AttemptOutcome.Success(Duration.ZERO, OptionalInt.of(8));
        CheckerStateMachine.Step a = CheckerStateMachine.next(up, w8, OPTS);
        assertThat(a.weightChanged()).isTrue();
        assertThat(a.state().weight()).hasValue(8);
        CheckerStateMachine.Step b = CheckerStateMachine.next(a.state(), w8, OPTS);
        assertThat(b.weightChanged()).isFalse();
        // exit 0 under misc_dynamic leaves the weight unchanged (keepalived.conf(5)).
        CheckerStateMachine.Step c = CheckerStateMachine.next(b.state(), OK, OPTS);
        assertThat(c.weightChanged()).isFalse();
        assertThat(c.state().weight()).hasValue(8);
        assertThat(c.transition()).isEqualTo(Optional.empty());
    }

    /** Answers every bounded draw with one value, clamped into the bound. */
    record FixedRandom(long value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return value;
        }

        @Override
        public long nextLong(long origin, long bound) {
            return Math.max(origin, Math.min(value, bound - 1));
        }
    }
}
