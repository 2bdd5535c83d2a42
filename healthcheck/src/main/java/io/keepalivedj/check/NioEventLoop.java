package io.keepalivedj.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread, one {@link Selector}, a timer heap: every socket of every HTTP_GET and
 * TCP_CHECK attempt and every scheduler timer runs here, like keepalived's single-threaded
 * checker process, so thousands of targets cost one thread rather than one each.
 */
public final class NioEventLoop implements EventLoop, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NioEventLoop.class);

    /** Called on the loop thread when a registered channel is ready. */
    @FunctionalInterface
    public interface IoHandler {
        void ready(SelectionKey key);
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean running = true;
    private long timerSeq;

    public NioEventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open selector", e);
        }
        thread = new Thread(this::run, Objects.requireNonNull(name, "name"));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        tasks.add(task);
        if (!inEventLoop()) {
            selector.wakeup();
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        Timer t = new Timer(System.nanoTime() + Math.max(0, delay.toNanos()), task);
        if (inEventLoop()) {
            addTimer(t);
        } else {
            execute(() -> addTimer(t));
        }
        return t;
    }

    /**
     * Registers {@code channel} for {@code ops}; the handler runs on the loop thread. Must be
     * called on the loop thread.
     */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws IOException {
        assert inEventLoop() : "register off the loop thread";
        return channel.register(selector, ops, handler);
    }

    private void addTimer(Timer t) {
        t.seq = timerSeq++;
        timers.add(t);
    }

    private void run() {
        try {
            while (running) {
                long waitNanos = runDueTimers();
                if (!tasks.isEmpty()) {
                    selector.selectNow();
                } else if (waitNanos < 0) {
                    selector.select();
                } else {
                    // select(0) would block forever; round up so a 0.4 ms timer still waits.
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid() && key.attachment() instanceof IoHandler handler) {
                        safely(() -> handler.ready(key));
                    }
                }
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    safely(task);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.error("check event loop {} stopped: {}", thread.getName(), e.toString(), e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // Closing on shutdown: nothing useful to do with the error.
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // As above.
            }
            terminated.countDown();
        }
    }

    /** Runs due timers; returns nanos until the next one, or -1 if none. */
    private long runDueTimers() {
        while (true) {
            Timer t = timers.peek();
            if (t == null) {
                return -1;
            }
            if (t.cancelled) {
                timers.poll();
                continue;
            }
            long wait = t.deadline - System.nanoTime();
            if (wait > 0) {
                return wait;
            }
            timers.poll();
            Runnable task = t.task;
            if (task != null) {
                safely(task);
            }
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | AssertionError e) {
            // A checker bug must not stop every other check on the loop.
            LOG.error("check event loop task failed", e);
        }
    }

    /** Stops the loop, closing every channel still registered; waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inEventLoop()) {
            try {
                terminated.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Timer implements Comparable<Timer>, Cancellable {
        final long deadline;
        volatile Runnable task;
        long seq;
        volatile boolean cancelled;

        Timer(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        /**
         * A cancelled timer stays in the heap until its deadline; dropping the task lets what it
         * captured go now. Each attempt's connect_timeout timer captures the attempt and its
         * buffers, so without this 10,000 targets at delay_loop 1 kept ~5 s of finished attempts
         * (about 600 MB, ChecksBench) alive.
         */
        @Override
        public void cancel() {
            cancelled = true;
            task = null;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
