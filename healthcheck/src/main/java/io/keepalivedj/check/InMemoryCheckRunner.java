package io.keepalivedj.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The twin of {@link NetworkCheckRunner}: each target answers with the outcome a test set for
 * it (default: success in 0 s), delivered after the outcome's latency on the given loop, and
 * every attempt's start time is recorded. With a {@link VirtualEventLoop} the whole scheduler
 * runs deterministically on virtual time.
 */
public final class InMemoryCheckRunner implements CheckRunner {

    /** One recorded attempt: which target, started when (loop nanoTime). */
    public record Attempt(CheckTarget target, long startNanos) {
    }

    private final EventLoop loop;
    private final Map<CheckTarget, AttemptOutcome> outcomes = new HashMap<>();
    private final List<Attempt> attempts = new ArrayList<>();

    public InMemoryCheckRunner(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** From now on, attempts on {@code target} end with {@code outcome}. */
    public synchronized void answer(CheckTarget target, AttemptOutcome outcome) {
        outcomes.put(Objects.requireNonNull(target, "target"), Objects.requireNonNull(outcome, "outcome"));
    }

    /** Attempts started so far, in order. */
    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public boolean supports(CheckSpec spec) {
        return true;
    }

    @Override
    public Cancellable start(CheckSpec spec, Consumer<AttemptOutcome> done) {
        AttemptOutcome outcome;
        synchronized (this) {
            attempts.add(new Attempt(spec.target(), loop.nanoTime()));
            outcome = outcomes.getOrDefault(spec.target(), AttemptOutcome.Success.of(Duration.ZERO));
        }
        return loop.schedule(outcome.latency(), () -> done.accept(outcome));
    }
}
