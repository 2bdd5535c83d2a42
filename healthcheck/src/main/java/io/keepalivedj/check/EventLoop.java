package io.keepalivedj.check;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * The time source and task queue checks run on. One thread runs every task in order, so check
 * state needs no locks. {@link NioEventLoop} is the real one (a Selector thread);
 * {@link VirtualEventLoop} is the twin whose time only moves when a test advances it.
 */
public interface EventLoop extends Executor {

    /** Monotonic time in nanoseconds; only differences mean anything. */
    long nanoTime();

    /** Wall-clock time for events and logs. */
    Instant instant();

    /** Runs {@code task} on the loop thread after {@code delay}. Callable from any thread. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the loop thread, after tasks already queued. Callable from any thread. */
    @Override
    void execute(Runnable task);

    /** Whether the caller is the loop thread. */
    boolean inEventLoop();
}
