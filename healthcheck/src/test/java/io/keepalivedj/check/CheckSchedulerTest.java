package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Scheduler timing on virtual time: every instant below is exact. */
class CheckSchedulerTest {

    static final Duration LOOP = Duration.ofSeconds(10);
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    static final CheckOptions OPTS = CheckOptions.builder(CheckType.TCP_CHECK)
            .delayLoop(LOOP).delayBeforeRetry(RETRY_DELAY).retry(1).warmup(Duration.ZERO).build();
    static final FailureReason REFUSED = new FailureReason.ConnectionRefused();

    final VirtualEventLoop loop = new VirtualEventLoop();
    final InMemoryCheckRunner runner = new InMemoryCheckRunner(loop);
    final CheckScheduler scheduler = new CheckScheduler(loop, runner, RandomGenerator.of("L64X128MixRandom"));
    final List<CheckEvent> events = new ArrayList<>();

    CheckSchedulerTest() {
        scheduler.addListener(events::add);
    }

    static CheckTarget target(int n) {
        try {
            return CheckTarget.of(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) n}), 80);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    List<Duration> startTimes(CheckTarget t) {
        return runner.attempts().stream().filter(a -> a.target().equals(t)).map(a -> Duration.ofNanos(a.startNanos())).toList();
    }

    static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void nextCheckIsDelayLoopAfterThePreviousCompletes() {
        CheckTarget t = target(1);
        runner.answer(t, AttemptOutcome.Success.of(Duration.ofSeconds(1)));
        scheduler.add(new TcpCheck(t, OPTS));
        loop.advance(Duration.ofSeconds(35));
        // Attempts last 1 s; each next one starts delay_loop after completion: 0, 11, 22, 33.
        assertThat(startTimes(t)).containsExactly(s(0), s(11), s(22), s(33));
        assertThat(events).isEmpty();
    }

    @Test
    void upTargetGoesDownAfterRetryPlusOneFailuresSpacedByDelayBeforeRetry() {
        CheckTarget t = target(1);
        runner.answer(t, new AttemptOutcome.Failure(REFUSED, Duration.ofMillis(500)));
        CheckId id = scheduler.add(new TcpCheck(t, OPTS));
        loop.advance(Duration.ofSeconds(2));
        assertThat(events).isEmpty();
        assertThat(scheduler.status(id).orElseThrow().health()).isEqualTo(Health.UP);
        loop.advance(Duration.ofSeconds(20));
        // fail at 0.5, retry at 2.5, fail at 3.0 -> DOWN; next round at 13.0 and 15.5.
        assertThat(startTimes(t)).containsExactly(s(0), s(2.5), s(13), s(15.5));
        assertThat(events).hasSize(1);
        CheckEvent.Down down = (CheckEvent.Down) events.get(0);
        assertThat(down.reason()).isEqualTo(REFUSED);
        assertThat(down.at()).isEqualTo(loop.instant().minus(loop.elapsed()).plus(s(3)));
        assertThat(down.id()).isEqualTo(id);
        CheckStatus st = scheduler.status(id).orElseThrow();
        assertThat(st.health()).isEqualTo(Health.DOWN);
        assertThat(st.lastResult().orElseThrow().outcome()).isInstanceOf(AttemptOutcome.Failure.class);
    }

    @Test
    void downTargetComesBackOnOneSuccess() {
        CheckTarget t = target(1);
        runner.answer(t, new AttemptOutcome.Failure(REFUSED, Duration.ZERO));
        scheduler.add(new TcpCheck(t, OPTS.withRetry(0)));
        loop.advance(Duration.ofSeconds(1));
        assertThat(events).singleElement().isInstanceOf(CheckEvent.Down.class);
        runner.answer(t, AttemptOutcome.Success.of(Duration.ZERO));
        loop.advance(LOOP);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOf(CheckEvent.Up.class);
        assertThat(Duration.between(events.get(0).at(), events.get(1).at())).isEqualTo(LOOP);
    }

    @Test
    void alphaStartsDownAndFirstSuccessRaisesIt() {
        CheckTarget t = target(1);
        runner.answer(t, AttemptOutcome.Success.of(Duration.ofMillis(250)));
        CheckId id = scheduler.add(new TcpCheck(t, OPTS.withAlpha(true)));
        assertThat(scheduler.status(id).orElseThrow().health()).isEqualTo(Health.DOWN);
        loop.advance(Duration.ofSeconds(1));
        assertThat(events).singleElement().isInstanceOfSatisfying(CheckEvent.Up.class,
                up -> assertThat(up.latency()).isEqualTo(Duration.ofMillis(250)));
        assertThat(scheduler.status(id).orElseThrow().health()).isEqualTo(Health.UP);
    }

    @Test
    void warmupDelaysTheFirstCheckByTheInjectedRandomAmount() {
        CheckTarget t = target(1);
        CheckScheduler fixed = new CheckScheduler(loop, runner, new CheckerStateMachineTest.FixedRandom(Duration.ofSeconds(7).toNanos()));
        fixed.add(new TcpCheck(t, OPTS.withWarmup(Duration.ofSeconds(30))));
        loop.advance(Duration.ofSeconds(20));
        assertThat(startTimes(t)).containsExactly(s(7), s(17));
    }

    @Test
    void miscDynamicWeightChangesAreEvents() {
        CheckTarget t = target(1);
        MiscCheck misc = MiscCheck.of(t, List.of("/bin/true")).withDynamic(true);
        misc = new MiscCheck(t, OPTS, misc.argv(), Optional.empty(), true, Optional.empty(), Optional.empty());
        runner.answer(t, new AttemptOutcome.Success(Duration.ZERO, OptionalInt.of(5)));
        scheduler.add(misc);
        loop.advance(Duration.ofSeconds(1));
        runner.answer(t, new AttemptOutcome.Success(Duration.ZERO, OptionalInt.of(9)));
        loop.advance(LOOP);
        assertThat(events).extracting(e -> ((CheckEvent.WeightChanged) e).weight()).containsExactly(5, 9);
    }

    @Test
    void removeStopsAttemptsAndEvents() {
        CheckTarget t = target(1);
        runner.answer(t, new AttemptOutcome.Failure(REFUSED, Duration.ofSeconds(1)));
        CheckId id = scheduler.add(new TcpCheck(t, OPTS.withRetry(0)));
        loop.advance(Duration.ofMillis(500)); // attempt in flight
        scheduler.remove(id);
        loop.advance(Duration.ofMinutes(5));
        assertThat(startTimes(t)).containsExactly(s(0));
        assertThat(events).isEmpty();
        assertThat(scheduler.snapshot()).isEmpty();
    }

    @Test
    void unsupportedSpecIsRefused() {
        CheckScheduler real = new CheckScheduler(loop, new CheckRunner() {
            @Override
            public boolean supports(CheckSpec spec) {
                return false;
            }

            @Override
            public Cancellable start(CheckSpec spec, java.util.function.Consumer<AttemptOutcome> done) {
                throw new AssertionError("not started");
            }
        }, RandomGenerator.getDefault());
        assertThatThrownBy(() -> real.add(new TcpCheck(target(1), OPTS))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiveThousandTargetsKeepTheirScheduleAndEventOrder() {
        int n = 5000;
        CheckOptions opts = OPTS.withWarmup(LOOP).withRetry(1);
        List<CheckTarget> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CheckTarget t = CheckTarget.of(target(1).ip(), 1 + i);
            targets.add(t);
            // Every 10th target fails from the start.
            runner.answer(t, i % 10 == 0 ? new AttemptOutcome.Failure(REFUSED, Duration.ofMillis(100))
                    : AttemptOutcome.Success.of(Duration.ofMillis(100)));
            scheduler.add(new TcpCheck(t, opts));
        }
        loop.advance(Duration.ofSeconds(100));
        assertThat(events).hasSize(n / 10).allSatisfy(e -> assertThat(e).isInstanceOf(CheckEvent.Down.class));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
        }
        List<CheckStatus> snap = scheduler.snapshot();
        assertThat(snap).hasSize(n);
        assertThat(snap.stream().filter(st -> st.health() == Health.DOWN)).hasSize(n / 10);
        // A healthy target started in [0,10] s and then every 10.1 s: 9 or 10 attempts in 100 s.
        for (CheckTarget t : targets.subList(1, 10)) {
            assertThat(startTimes(t).size()).isBetween(9, 10);
        }
    }

    @Test
    void sameSeedSameRun() {
        List<String> a = runSeeded(42);
        List<String> b = runSeeded(42);
        assertThat(a).isEqualTo(b).isNotEmpty();
    }

    private static List<String> runSeeded(long seed) {
        VirtualEventLoop l = new VirtualEventLoop();
        InMemoryCheckRunner r = new InMemoryCheckRunner(l);
        CheckScheduler sch = new CheckScheduler(l, r,
                java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        List<String> log = new ArrayList<>();
        sch.addListener(e -> log.add(e.target() + "@" + e.at()));
        for (int i = 0; i < 50; i++) {
            CheckTarget t = CheckTarget.of(target(1).ip(), 1 + i);
            r.answer(t, new AttemptOutcome.Failure(REFUSED, Duration.ofMillis(i)));
            sch.add(new TcpCheck(t, OPTS.withWarmup(LOOP)));
        }
        l.advance(Duration.ofSeconds(60));
        return log;
    }
}
