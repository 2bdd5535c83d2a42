package io.keepalivedj.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The in-memory twin of {@link NioEventLoop}: time stands still until {@link #advance} moves
 * it, and tasks run in (deadline, submission order) on the caller's thread, so scheduler tests
 * are deterministic. {@link #execute} may be called from other threads; the task waits for the
 * next {@code advance}/{@link #runPending()}.
 */
public final class VirtualEventLoop implements EventLoop {

    private final Instant epoch;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private Thread runner;

    /** A loop whose {@link #instant()} is {@code epoch} at nanoTime 0. */
    public VirtualEventLoop(Instant epoch) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
    }

    public VirtualEventLoop() {
        this(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Instant instant() {
        return epoch.plusNanos(now);
    }

    /** Time since construction. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        Task t = new Task(now + delay.toNanos(), seq++, Objects.requireNonNull(task, "task"));
        queue.add(t);
        return t;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public synchronized boolean inEventLoop() {
        return Thread.currentThread() == runner;
    }

    /** Runs every task due now, including ones they queue for now. */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /** Moves time forward by {@code d}, running each task at its deadline. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
            runner = Thread.currentThread();
        }
        try {
            while (true) {
                Task next;
                synchronized (this) {
                    next = queue.peek();
                    if (next == null || next.deadline > target) {
                        now = target;
                        return;
                    }
                    queue.poll();
                    now = next.deadline;
                }
                if (!next.cancelled) {
                    next.task.run();
                }
            }
        } finally {
            synchronized (this) {
                runner = null;
            }
        }
    }

    /** Tasks still queued (including cancelled ones not yet reached). */
    public synchronized int queued() {
        return queue.size();
    }

    private static final class Task implements Comparable<Task>, Cancellable {
        final long deadline;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Task(long deadline, long seq, Runnable task) {
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
