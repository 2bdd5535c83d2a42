package io.keepalivedj.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
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
    /** Size of {@link #readBuffer()}: a typical page in one read. */
    static final int READ_BUFFER_BYTES = 16 * 1024;
    /**
     * Default of {@link #NioEventLoop(String, Duration)}'s timer slack. Checks run late by at most
     * this; on the detection path (delay_loop, connect_timeout, delay_before_retry, connect_timeout)
     * that adds at most 40 ms, inside the p99 allowance of the bound + 50 ms.
     */
    public static final Duration DEFAULT_TIMER_SLACK = Duration.ofMillis(10);
    /**
     * Timers run per loop turn before the loop reads its sockets again. Starting every due check
     * in one go made the responses wait behind the whole batch: with 1,000 targets at delay_loop
     * 1 in the TCG guest the mean attempt took 0.92 s with no retransmission or drop, against
     * 0.15 s with this bound, as keepalived's (ChecksBench --vs-keepalived-in-vm). Netty's event
     * loop bounds its task batches for the same reason.
     */
    private static final int TIMERS_PER_TURN = 64;
    /** {@link #runDueTimers()}: more timers are due; poll the sockets and come back at once. */
    private static final long MORE_DUE = -2;
    /**
     * Longest a probe socket waits for its close after its attempt ended
     * ({@link #closeAfterSelect}): the loop's select waits at most this while one waits. Under
     * load the loop wakes sooner anyway and closes a whole turn's sockets at once; forcing a
     * selectNow for them instead cost more user time per check than the close saved on an idle
     * loop (ChecksBench, delay_loop 10).
     */
    private static final long CLOSE_WITHIN_MILLIS = 10;
    /** A timer's own slack is this fraction of its delay (1 %), capped by the loop's slack. */
    private static final long SLACK_DIVISOR = 100;

    /** Called on the loop thread when a registered channel is ready. */
    @FunctionalInterface
    public interface IoHandler {
        void ready(SelectionKey key);
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /**
     * Binary min-heap by (deadline, seq); each timer knows its index, so a cancel on the loop
     * thread takes it out at once. With java.util.PriorityQueue every attempt's connect_timeout
     * timer stayed in the heap for 5 s after the attempt ended (1,000 checks/s kept 5,000 dead
     * timers in it), and its sift loops called compareTo through Comparable: 3 % of the loop
     * thread's samples under C1 (perf, 1,000 targets at delay_loop 1), the largest Java item.
     */
    private Timer[] heap = new Timer[64];
    private int heapSize;
    /** See {@link #closeAfterSelect}: channels whose keys are cancelled, closed once deregistered. */
    private final List<SelectableChannel> toClose = new ArrayList<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final long timerSlackNanos;
    private volatile boolean running = true;
    private long timerSeq;
    /** See {@link #readBuffer()}. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);

    /** A loop with {@link #DEFAULT_TIMER_SLACK}. */
    public NioEventLoop(String name) {
        this(name, DEFAULT_TIMER_SLACK);
    }

    /**
     * @param timerSlack how late a timer may run so that timers due close together run on one
     *                   wakeup, as Linux's timer slack (prctl(2) PR_SET_TIMERSLACK) does for
     *                   sleeps: each timer may run up to 1 % of its delay late, never more than
     *                   this; zero runs every timer on time. Waking once per check cost about
     *                   as much as the check's own work: 10,000 targets at delay_loop 10 took
     *                   10.3-10.5 % of a core with no slack and 6.7 % with 10 ms (ChecksBench).
     * @throws IllegalArgumentException if {@code timerSlack} is negative or over one second
     */
    public NioEventLoop(String name, Duration timerSlack) {
        Objects.requireNonNull(timerSlack, "timerSlack");
        if (timerSlack.isNegative() || timerSlack.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("timer slack must be 0-1 s: " + timerSlack);
        }
        this.timerSlackNanos = timerSlack.toNanos();
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
        long delayNanos = Math.max(0, delay.toNanos());
        Timer t = new Timer(this, System.nanoTime() + delayNanos, Math.min(timerSlackNanos, delayNanos / SLACK_DIVISOR), task);
        if (inEventLoop()) {
            addTimer(t);
        } else {
            execute(() -> addTimer(t));
        }
        return t;
    }

    /**
     * A read buffer every handler on this loop shares: a handler reads into it and consumes what
     * it read before returning, so nothing survives from one callback to the next. One buffer
     * per loop rather than 16 KB per check: at 1,000 checks/s the per-check buffers were 80 %
     * of the checker's allocation (ChecksBench, JFR jdk.ObjectAllocationSample). Direct, so a
     * read goes straight into it: into a heap buffer JDK NIO reads through a temporary direct
     * buffer from a thread-local cache and copies (sun.nio.ch.IOUtil.read). Loop thread only.
     */
    ByteBuffer readBuffer() {
        assert inEventLoop() : "readBuffer off the loop thread";
        return readBuffer.clear();
    }

    /**
     * Registers {@code channel} for {@code ops}; the handler runs on the loop thread. Must be
     * called on the loop thread.
     */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws IOException {
        assert inEventLoop() : "register off the loop thread";
        return channel.register(selector, ops, handler);
    }

    /**
     * Cancels {@code key} and closes its channel after the loop's next select, which deregisters
     * the key. JDK NIO's close of a channel still registered costs a getsockopt(SO_LINGER) and a
     * shutdown(SHUT_WR) before the deferred close (SocketChannelImpl.implCloseNonBlockingMode);
     * once deregistered the close is one close(2). The socket lives until the loop's next select
     * returns, at most {@link #CLOSE_WITHIN_MILLIS} later. Loop thread only.
     */
    void closeAfterSelect(SelectionKey key) {
        assert inEventLoop() : "closeAfterSelect off the loop thread";
        key.cancel();
        toClose.add(key.channel());
    }

    private void closeDeregistered() {
        for (int i = 0; i < toClose.size(); i++) {
            try {
                toClose.get(i).close();
            } catch (IOException ignored) {
                // A probe socket whose result is decided: nothing useful to do with the error.
            }
        }
        toClose.clear();
    }

    private void addTimer(Timer t) {
        if (t.cancelled) {
            return; // cancelled before it reached the loop
        }
        t.seq = timerSeq++;
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        siftUp(heapSize++, t);
    }

    /** Removes the earliest timer; the heap must not be empty. */
    private Timer pollTimer() {
        Timer first = heap[0];
        removeAt(0);
        return first;
    }

    private void removeAt(int i) {
        Timer removed = heap[i];
        removed.index = -1;
        int last = --heapSize;
        Timer moved = heap[last];
        heap[last] = null;
        if (i != last) {
            siftDown(i, moved);
            if (heap[i] == moved) {
                siftUp(i, moved);
            }
        }
    }

    private void siftUp(int i, Timer t) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (!t.before(p)) {
                break;
            }
            place(i, p);
            i = parent;
        }
        place(i, t);
    }

    private void siftDown(int i, Timer t) {
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Timer c = heap[child];
            int right = child + 1;
            if (right < heapSize && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(t)) {
                break;
            }
            place(i, c);
            i = child;
        }
        place(i, t);
    }

    private void place(int i, Timer t) {
        heap[i] = t;
        t.index = i;
    }

    private void run() {
        try {
            while (running) {
                long waitNanos = runDueTimers();
                if (waitNanos == MORE_DUE || !tasks.isEmpty()) {
                    selector.selectNow();
                } else {
                    // select(0) would block forever; round up so a 0.4 ms timer still waits.
                    long waitMillis = waitNanos < 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
                    if (!toClose.isEmpty() && (waitMillis == 0 || waitMillis > CLOSE_WITHIN_MILLIS)) {
                        waitMillis = CLOSE_WITHIN_MILLIS;
                    }
                    if (waitMillis == 0) {
                        selector.select();
                    } else {
                        selector.select(waitMillis);
                    }
                }
                if (!toClose.isEmpty()) {
                    closeDeregistered();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid() && key.attachment() instanceof IoHandler handler) {
                        // Not safely(() -> ...): that is a lambda per ready key.
                        try {
                            handler.ready(key);
                        } catch (RuntimeException | AssertionError e) {
                            LOG.error("check event loop task failed", e);
                        }
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
            closeDeregistered();
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

    /**
     * Runs up to {@link #TIMERS_PER_TURN} due timers; returns nanos until the loop must wake for
     * the next one (its deadline plus its slack: every timer due by then runs on that wakeup), -1
     * if none, or {@link #MORE_DUE}. A timer behind
     * the first in the heap may have less slack than the first; it is then late by at most the
     * first's slack, so no timer is ever later than the loop's slack.
     */
    private long runDueTimers() {
        for (int ran = 0; ; ) {
            if (heapSize == 0) {
                return -1;
            }
            Timer t = heap[0];
            if (t.cancelled) {
                // Cancelled off the loop thread: it leaves when it comes up.
                pollTimer();
                continue;
            }
            long wait = t.deadline - System.nanoTime();
            if (wait > 0) {
                return wait + t.slackNanos;
            }
            if (ran == TIMERS_PER_TURN) {
                return MORE_DUE;
            }
            pollTimer();
            Runnable task = t.task;
            if (task != null) {
                safely(task);
                ran++;
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

    private static final class Timer implements Cancellable {
        final NioEventLoop loop;
        final long deadline;
        final long slackNanos;
        volatile Runnable task;
        long seq;
        /** Position in the loop's heap, -1 when not in it. Loop thread only. */
        int index = -1;
        volatile boolean cancelled;

        Timer(NioEventLoop loop, long deadline, long slackNanos, Runnable task) {
            this.loop = loop;
            this.deadline = deadline;
            this.slackNanos = slackNanos;
            this.task = task;
        }

        /**
         * On the loop thread the timer leaves the heap now. From another thread it stays until
         * it comes up, so the task is dropped here to let what it captured go at once: each
         * attempt's connect_timeout timer captures the attempt and its buffers, and keeping
         * ~5 s of finished attempts alive cost about 600 MB at 10,000 targets, delay_loop 1
         * (ChecksBench).
         */
        @Override
        public void cancel() {
            cancelled = true;
            task = null;
            if (loop.inEventLoop() && index >= 0) {
                loop.removeAt(index);
            }
        }

        /** Heap order: deadline, then scheduling order. */
        boolean before(Timer o) {
            return deadline < o.deadline || (deadline == o.deadline && seq < o.seq);
        }
    }
}
