package io.keepalivedj.check;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.socket.IcmpEchoSelector;
import io.keepalivedj.linux.socket.IcmpEchoSocket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PING_CHECK: one ICMP (IPv4) or ICMPv6 echo request per attempt on an unprivileged ICMP
 * "ping" socket, as keepalived sends it ({@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)},
 * icmp(7); keepalived.conf(5): "using this checker may cause
 * /proc/sys/net/ipv4/ping_group_range to be updated to allow root to use an IPPROTO_ICMP
 * socket", which {@link IcmpEchoSocket} does, with a WARN). Passes when the echo reply comes
 * back within connect_timeout ({@link FailureReason.NoEchoReply} otherwise); an ICMP error
 * about the request, or a local route refusing it, fails the attempt at once
 * ({@link FailureReason.Unreachable}).
 *
 * <p>Cheap for thousands of targets: attempts share one socket per (family, bindto, bind_if,
 * fwmark), opened on first use on the loop thread (so in the loop's network namespace), and
 * one receiver thread polls every socket plus an eventfd ({@link IcmpEchoSelector}). Each
 * socket's {@link EchoTable} gives attempts distinct sequence numbers and matches replies by
 * source, sequence and a random per-attempt token in the payload; the receiver hands the outcome
 * to the loop, where the connect_timeout timer also runs. {@link #close} closes the sockets and
 * stops the receiver; so does the end of the loop thread (checked every
 * {@link #LOOP_CHECK_MILLIS}), as a loop owner may close the loop and never the checker.
 */
public final class PingChecker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PingChecker.class);
    /** How often the idle receiver looks whether the loop thread has ended. */
    static final int LOOP_CHECK_MILLIS = 1000;
    /** Replies and errors read from one socket per poll turn, so one busy socket cannot starve the rest. */
    private static final int RECEIVES_PER_TURN = 1024;

    /** What a socket is shared by: everything that changes how its requests leave. */
    record SocketKey(StandardProtocolFamily family, Optional<InetAddress> bindto, Optional<String> bindIf,
            OptionalLong fwmark) {
        static SocketKey of(CheckTarget target, InetAddress destination) {
            return new SocketKey(destination instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET,
                    target.bindAddress(), target.bindInterface(), target.fwmark());
        }

        IcmpEchoSocket.Options options() {
            IcmpEchoSocket.Options o = IcmpEchoSocket.Options.of(family);
            if (bindto.isPresent()) {
                o = o.withSource(bindto.get());
            }
            if (bindIf.isPresent()) {
                o = o.withDevice(bindIf.get());
            }
            return fwmark.isPresent() ? o.withMark(fwmark.getAsLong()) : o;
        }
    }

    /** One socket and its outstanding attempts. */
    private record Shared(IcmpEchoSocket socket, EchoTable<Run> table) {
    }

    private final EventLoop loop;
    private final RandomGenerator random;
    /** Guarded by this, as are selector, receiver, loopThread and closed. */
    private final Map<SocketKey, Shared> sockets = new HashMap<>();
    private IcmpEchoSelector selector;
    private Thread receiver;
    private Thread loopThread;
    private boolean closed;

    public PingChecker(EventLoop loop) {
        this(loop, new SecureRandom());
    }

    /** {@code random}: tokens and first sequence numbers; unpredictable to a spoofer. */
    PingChecker(EventLoop loop, RandomGenerator random) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(PingCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        Run run = new Run(spec, done);
        loop.execute(run::start);
        return run;
    }

    /** Sockets open now (one per distinct family, bindto, bind_if, fwmark in use). */
    synchronized int openSockets() {
        return sockets.size();
    }

    /** Whether the receiver thread is running. */
    synchronized boolean receiverRunning() {
        return receiver != null && receiver.isAlive();
    }

    /** The shared socket for {@code key}, opened (and the receiver started) on first use. Loop thread. */
    private Shared socketFor(SocketKey key) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("PING_CHECK checker is closed");
            }
            Shared shared = sockets.get(key);
            if (shared != null) {
                return shared;
            }
            if (selector == null) {
                selector = IcmpEchoSelector.open();
            }
            // Opened here, on the loop thread: the socket (and any ping_group_range change) is
            // in the loop's network namespace.
            IcmpEchoSocket socket = IcmpEchoSocket.open(key.options());
            shared = new Shared(socket, new EchoTable<>(random.nextInt(EchoTable.SEQUENCES)));
            sockets.put(key, shared);
            LOG.debug("PING_CHECK opened {}", socket);
            if (loopThread == null && loop.inEventLoop()) {
                loopThread = Thread.currentThread();
            }
            if (receiver == null) {
                receiver = new Thread(this::receive, "ping-check-receiver");
                receiver.setDaemon(true);
                receiver.start();
            } else {
                selector.wakeup();
            }
            return shared;
        }
    }

    /** The receiver thread: poll every socket, match what arrives, until closed. */
    private void receive() {
        try {
            while (true) {
                List<Shared> open;
                IcmpEchoSelector sel;
                Thread owner;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    open = List.copyOf(sockets.values());
                    sel = selector;
                    owner = loopThread;
                }
                if (owner != null && !owner.isAlive()) {
                    LOG.debug("PING_CHECK loop thread {} ended: closing its sockets", owner.getName());
                    synchronized (this) {
                        closed = true;
                    }
                    return;
                }
                List<IcmpEchoSocket> polled = new ArrayList<>(open.size());
                for (Shared s : open) {
                    polled.add(s.socket());
                }
                List<IcmpEchoSocket> ready = sel.select(polled, LOOP_CHECK_MILLIS);
                for (Shared s : open) {
                    if (ready.contains(s.socket())) {
                        drain(s);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("PING_CHECK receiver stopped; pending pings will time out: {}", e.toString(), e);
            synchronized (this) {
                closed = true;
            }
        } finally {
            closeAll();
        }
    }

    private void drain(Shared s) {
        for (int i = 0; i < RECEIVES_PER_TURN; i++) {
            Optional<IcmpEchoSocket.Received> received;
            try {
                received = s.socket().receive();
            } catch (IOException e) {
                LOG.warn("PING_CHECK {}: receive failed: {}", s.socket(), e.getMessage());
                return;
            }
            if (received.isEmpty()) {
                return;
            }
            IcmpEchoSocket.Received r = received.get();
            if (r instanceof IcmpEchoSocket.Reply reply) {
                s.table().matchReply(reply.source(), reply.echo().sequence(), reply.echo().payload())
                        .ifPresent(run -> loop.execute(run::replied));
            } else if (r instanceof IcmpEchoSocket.Error error) {
                Optional<Run> run = error.request().flatMap(q -> s.table().matchError(error.destination(), q.sequence(), q.payload()));
                if (run.isPresent()) {
                    String by = error.error().offender().map(a -> "ICMP from " + a.getHostAddress())
                            .orElse(Errno.name(error.error().errno()));
                    FailureReason reason = new FailureReason.Unreachable(error.error().describe(), by);
                    loop.execute(() -> run.get().failed(reason));
                } else {
                    LOG.debug("PING_CHECK {}: unmatched error {}", s.socket(), error);
                }
            } else if (r instanceof IcmpEchoSocket.Malformed malformed) {
                LOG.debug("PING_CHECK {}: dropped {}", s.socket(), malformed.reason());
            } else {
                throw new AssertionError(r);
            }
        }
    }

    /** Closes every socket and the selector; on the receiver thread, or when it never started. */
    private void closeAll() {
        List<Shared> open;
        IcmpEchoSelector sel;
        synchronized (this) {
            open = List.copyOf(sockets.values());
            sockets.clear();
            sel = selector;
            selector = null;
        }
        for (Shared s : open) {
            try {
                s.socket().close();
            } catch (LinuxException e) {
                LOG.warn("PING_CHECK closing {}: {}", s.socket(), e.getMessage());
            }
        }
        if (sel != null) {
            try {
                sel.close();
            } catch (LinuxException e) {
                LOG.warn("PING_CHECK closing its eventfd: {}", e.getMessage());
            }
        }
    }

    /**
     * Closes the sockets and stops the receiver thread (waiting up to a few seconds for it).
     * Attempts in flight end by their connect_timeout timers; later checks fail at once.
     */
    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            if (closed && receiver == null) {
                return;
            }
            closed = true;
            r = receiver;
            if (r != null && selector != null) {
                try {
                    selector.wakeup();
                } catch (LinuxException e) {
                    LOG.warn("PING_CHECK waking its receiver: {}", e.getMessage());
                }
            }
        }
        if (r == null) {
            closeAll();
        } else if (r != Thread.currentThread()) {
            try {
                r.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One attempt; every field but {@code finished} is touched on the loop thread only. */
    private final class Run implements Cancellable {
        private final PingCheck spec;
        private final Consumer<AttemptOutcome> done;
        private long startNanos;
        private Shared shared;
        private int sequence = -1;
        private Cancellable timer;
        private volatile boolean finished;

        Run(PingCheck spec, Consumer<AttemptOutcome> done) {
            this.spec = spec;
            this.done = done;
        }

        void start() {
            if (finished) {
                return;
            }
            startNanos = loop.nanoTime();
            InetAddress destination = spec.target().connectIp().orElse(spec.target().ip());
            try {
                shared = socketFor(SocketKey.of(spec.target(), destination));
            } catch (IOException | IllegalArgumentException e) {
                finish(failure(new FailureReason.NetworkError("cannot open ICMP echo socket: " + e.getMessage())));
                return;
            }
            long token = random.nextLong();
            OptionalInt seq = shared.table().add(destination, token, this);
            if (seq.isEmpty()) {
                finish(failure(new FailureReason.NetworkError("all " + EchoTable.SEQUENCES
                        + " echo sequence numbers of " + shared.socket() + " are in use")));
                return;
            }
            sequence = seq.getAsInt();
            Duration timeout = spec.options().connectTimeout();
            timer = loop.schedule(timeout, () -> {
                if (shared.table().remove(sequence, this)) {
                    finish(failure(new FailureReason.NoEchoReply(timeout)));
                }
            });
            try {
                shared.socket().send(destination, sequence, EchoTable.payload(token));
            } catch (IOException | IllegalArgumentException e) {
                if (shared.table().remove(sequence, this)) {
                    timer.cancel();
                    finish(failure(sendFailure(e)));
                }
            }
        }

        /** The receiver matched our reply (loop thread). */
        void replied() {
            timer.cancel();
            finish(AttemptOutcome.Success.of(elapsed()));
        }

        /** The receiver matched an ICMP error about our request (loop thread). */
        void failed(FailureReason reason) {
            timer.cancel();
            finish(failure(reason));
        }

        private AttemptOutcome.Failure failure(FailureReason reason) {
            return new AttemptOutcome.Failure(reason, elapsed());
        }

        private Duration elapsed() {
            return Duration.ofNanos(loop.nanoTime() - startNanos);
        }

        private void finish(AttemptOutcome outcome) {
            if (finished) {
                return;
            }
            finished = true;
            done.accept(outcome);
        }

        @Override
        public void cancel() {
            finished = true;
            loop.execute(() -> {
                if (shared != null && sequence >= 0 && shared.table().remove(sequence, this)) {
                    timer.cancel();
                }
            });
        }
    }

    /** A send the kernel refused at once: routing errors are {@link FailureReason.Unreachable}. */
    static FailureReason sendFailure(Exception e) {
        if (e instanceof LinuxException le) {
            if (le.errno() == Errno.EHOSTUNREACH) {
                return new FailureReason.Unreachable("host unreachable", "sendto: " + le.errnoName());
            }
            if (le.errno() == Errno.ENETUNREACH) {
                return new FailureReason.Unreachable("network unreachable", "sendto: " + le.errnoName());
            }
        }
        return new FailureReason.NetworkError(e.getMessage() != null ? e.getMessage() : e.toString());
    }
}
