package io.keepalivedj.check;

import java.util.function.Consumer;

/**
 * Runs single attempts for the {@link CheckScheduler}. {@link NetworkCheckRunner} does real I/O;
 * {@link InMemoryCheckRunner} answers from a script, on virtual time.
 */
public interface CheckRunner {

    /** Whether {@link #start} can run this kind of spec; the scheduler refuses others on add. */
    boolean supports(CheckSpec spec);

    /** Starts one attempt; {@code done} is called exactly once, from any thread, unless cancelled. */
    Cancellable start(CheckSpec spec, Consumer<AttemptOutcome> done);

    /**
     * Does the per-target work once; the scheduler calls this when a check is added and starts
     * every attempt through the result. Attempts behave exactly as {@link #start} would.
     */
    default PreparedCheck prepare(CheckSpec spec) {
        return done -> start(spec, done);
    }
}
