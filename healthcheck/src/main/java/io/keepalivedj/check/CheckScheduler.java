package io.keepalivedj.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any number of checks on one {@link EventLoop}, applying {@link CheckerStateMachine}
 * after each attempt and telling {@link CheckListener}s about UP/DOWN transitions, in order,
 * on the loop thread.
 *
 * <p>All check state lives on the loop thread; {@link #add}, {@link #remove} and
 * {@link #snapshot()} may be called from any thread. Randomness (warmup) comes from the
 * injected generator and time from the loop, so a {@link VirtualEventLoop} with a seeded
 * generator replays a run exactly.
 */
public final class CheckScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckScheduler.class);

    private final EventLoop loop;
    private final CheckRunner runner;
    private final RandomGenerator random;
    private final AtomicLong ids = new AtomicLong();
    private final Map<CheckId, Entry> entries = new HashMap<>();
    /**
     * What {@link #snapshot()} reads. The map changes only on add and remove; each attempt
     * replaces its check's status with one volatile write instead of a map put (the put was the
     * largest Java cost per attempt in ChecksBench's profile), and a check being removed cannot
     * be put back by an attempt completing in the meantime.
     */
    private final Map<CheckId, Published> published = new ConcurrentHashMap<>();
    private final List<CheckListener> listeners = new CopyOnWriteArrayList<>();

    public CheckScheduler(EventLoop loop, CheckRunner runner, RandomGenerator random) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.random = Objects.requireNonNull(random, "random");
    }

    public void addListener(CheckListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(CheckListener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts checking {@code spec}: the first attempt runs after a random warmup delay.
     *
     * @throws IllegalArgumentException if the runner cannot run this kind of check
     */
    public CheckId add(CheckSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!runner.supports(spec)) {
            throw new IllegalArgumentException(spec.type() + " is not supported by " + runner.getClass().getSimpleName());
        }
        // On the caller's thread, so a spec the runner cannot prepare fails here, not on the loop.
        PreparedCheck prepared = runner.prepare(spec);
        CheckId id = new CheckId(ids.incrementAndGet());
        CheckerState initial = new CheckerState(spec.options().alpha() ? Health.DOWN : Health.UP, false, 0, OptionalInt.empty());
        Published slot = new Published(new CheckStatus(id, spec, initial, Optional.empty()));
        published.put(id, slot);
        loop.execute(() -> {
            if (!published.containsKey(id)) {
                return; // removed before it started
            }
            CheckerStateMachine.Step step = CheckerStateMachine.initial(spec.options(), random);
            Entry e = new Entry(id, spec, prepared, slot, step.state());
            entries.put(id, e);
            e.timer = loop.schedule(step.delay(), e.attemptTask);
        });
        return id;
    }

    /** Stops a check: its pending timer and any running attempt are cancelled; no more events. */
    public void remove(CheckId id) {
        if (published.remove(id) == null) {
            return;
        }
        loop.execute(() -> {
            Entry e = entries.remove(id);
            if (e != null) {
                e.stop();
            }
        });
    }

    /** Every check's state and last result, ordered by id; safe from any thread. */
    public List<CheckStatus> snapshot() {
        List<CheckStatus> out = new ArrayList<>(published.size());
        for (Published p : published.values()) {
            out.add(p.status);
        }
        out.sort(Comparator.comparingLong(s -> s.id().value()));
        return out;
    }

    public Optional<CheckStatus> status(CheckId id) {
        Published p = published.get(id);
        return p == null ? Optional.empty() : Optional.of(p.status);
    }

    /** Stops every check. The loop itself belongs to the caller. */
    @Override
    public void close() {
        List<CheckId> all = new ArrayList<>(published.keySet());
        for (CheckId id : all) {
            remove(id);
        }
    }

    private void attempt(Entry e) {
        if (e.removed) {
            return;
        }
        e.timer = null;
        try {
            Cancellable attempt = e.prepared.start(e.onOutcome);
            // An attempt that ended inside start (a refused connect) has already scheduled the next.
            if (e.timer == null) {
                e.attempt = attempt;
            }
        } catch (RuntimeException ex) {
            // A runner bug fails this attempt, not the loop.
            LOG.error("{} {}: cannot start attempt", e.spec.type(), e.spec.target(), ex);
            complete(e, new AttemptOutcome.Failure(new FailureReason.NetworkError(ex.toString()), java.time.Duration.ZERO));
        }
    }

    private void complete(Entry e, AttemptOutcome outcome) {
        if (e.removed) {
            return;
        }
        e.attempt = null;
        CheckerStateMachine.Step step = CheckerStateMachine.next(e.state, outcome, e.spec.options());
        e.state = step.state();
        CheckResult result = new CheckResult(e.spec.target(), outcome, loop.instant());
        e.published.status = new CheckStatus(e.id, e.spec, e.state, Optional.of(result));
        log(e, outcome, step);
        if (step.transition().isPresent()) {
            Health to = step.transition().get();
            if (to == Health.UP) {
                AttemptOutcome.Success s = (AttemptOutcome.Success) outcome;
                emit(new CheckEvent.Up(e.id, e.spec.target(), e.spec.type(), s.latency(), e.state.weight(), result.completedAt()));
            } else {
                AttemptOutcome.Failure f = (AttemptOutcome.Failure) outcome;
                emit(new CheckEvent.Down(e.id, e.spec.target(), e.spec.type(), f.reason(), f.latency(), result.completedAt()));
            }
        } else if (step.weightChanged()) {
            emit(new CheckEvent.WeightChanged(e.id, e.spec.target(), e.state.weight().getAsInt(), result.completedAt()));
        }
        e.timer = loop.schedule(step.delay(), e.attemptTask);
    }

    private void log(Entry e, AttemptOutcome outcome, CheckerStateMachine.Step step) {
        if (step.transition().isPresent()) {
            if (outcome instanceof AttemptOutcome.Failure f) {
                LOG.info("{} {} {}: DOWN: {}", e.id, e.spec.type(), e.spec.target(), f.reason().message());
            } else {
                LOG.info("{} {} {}: UP", e.id, e.spec.type(), e.spec.target());
            }
        } else if (outcome instanceof AttemptOutcome.Failure f) {
            // keepalived.conf(5) log_all_failures: "log all failures when checker up".
            if (e.spec.options().logAllFailures()) {
                LOG.info("{} {} {}: attempt failed ({} of {} retries used): {}", e.id, e.spec.type(), e.spec.target(),
                        e.state.failedAttempts(), e.spec.options().retry(), f.reason().message());
            } else {
                LOG.debug("{} {} {}: attempt failed: {}", e.id, e.spec.type(), e.spec.target(), f.reason().message());
            }
        }
    }

    private void emit(CheckEvent event) {
        for (CheckListener l : listeners) {
            try {
                l.onTransition(event);
            } catch (RuntimeException ex) {
                // One broken listener must not starve the others or stop the loop.
                LOG.error("check listener {} failed on {}", l, event, ex);
            }
        }
    }

    /** One check's latest status: written on the loop thread, read from any. */
    private static final class Published {
        volatile CheckStatus status;

        Published(CheckStatus status) {
            this.status = status;
        }
    }

    /** Loop-thread state of one check. */
    private final class Entry {
        final CheckId id;
        final CheckSpec spec;
        final PreparedCheck prepared;
        final Published published;
        /**
         * The timer task and the outcome callback, made once per check rather than per attempt.
         * An outcome on the loop thread (every network checker's) is applied at once; a task per
         * outcome was a lambda and a trip through the loop's concurrent queue per check.
         */
        final Runnable attemptTask = () -> attempt(this);
        final Consumer<AttemptOutcome> onOutcome = outcome -> {
            if (loop.inEventLoop()) {
                complete(this, outcome);
            } else {
                loop.execute(() -> complete(this, outcome));
            }
        };
        CheckerState state;
        Cancellable timer;
        Cancellable attempt;
        boolean removed;

        Entry(CheckId id, CheckSpec spec, PreparedCheck prepared, Published published, CheckerState state) {
            this.id = id;
            this.spec = spec;
            this.prepared = Objects.requireNonNull(prepared, "prepared");
            this.published = published;
            this.state = state;
        }

        void stop() {
            removed = true;
            if (timer != null) {
                timer.cancel();
            }
            if (attempt != null) {
                attempt.cancel();
            }
        }
    }
}
