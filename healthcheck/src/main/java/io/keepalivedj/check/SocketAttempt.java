package io.keepalivedj.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * One non-blocking TCP connection on the {@link NioEventLoop}: bind, connect under
 * connect_timeout, then whatever the subclass does once connected. Every wait has a deadline
 * of connect_timeout from the last progress ("Optional connection timeout", keepalived.conf(5);
 * keepalived applies it to the connect and to each read). Not thread-safe: loop thread only.
 *
 * <p>With an {@link SSLEngine} (SSL_GET) the TLS handshake is part of connecting: it must end
 * within connect_timeout of the TCP connect, or the attempt fails with a connect timeout
 * (Debian's genhash 2.2.7 -S prints "Timeout connecting" for a server that accepts and stays
 * silent). Subclasses then read and write through {@link #read} and {@link #write}, which
 * go through TLS when it is on.
 */
abstract class SocketAttempt implements NioEventLoop.IoHandler, Cancellable {

    protected final NioEventLoop loop;
    protected final Duration timeout;
    private final InetSocketAddress remote;
    /** bindto/bind_port, or null for a kernel-chosen source. */
    private final InetSocketAddress local;
    private final long startNanos;
    private final TlsSession tls;
    private SocketChannel channel;
    private SelectionKey key;
    private Cancellable deadlineTimer;
    private final Runnable onDeadline = this::onDeadline;
    private long deadlineNanos;
    private boolean connected;
    private boolean handshaking;
    private boolean done;
    /** bind_if and fwmark for the probe socket. */
    private ProbeSocketOptions socketOptions = ProbeSocketOptions.NONE;

    SocketAttempt(NioEventLoop loop, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout) {
        this(loop, remote, local, timeout, Optional.empty());
    }

    SocketAttempt(NioEventLoop loop, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout,
                  Optional<SSLEngine> tls) {
        this.loop = loop;
        this.remote = remote;
        this.local = local.orElse(null);
        this.timeout = timeout;
        this.tls = tls.isPresent() ? new TlsSession(tls.get()) : null;
        this.startNanos = loop.nanoTime();
    }

    /**
     * Binds the probe socket to an interface and marks its packets (bind_if, fwmark, genhash -m).
     * Call before {@link #start()}; a failure to set them fails the attempt with a network error.
     */
    final void socketOptions(ProbeSocketOptions options) {
        this.socketOptions = Objects.requireNonNull(options, "options");
    }

    /** Opens and connects; call on the loop thread. */
    final void start() {
        try {
            // A socket of the target's family: the default dual-stack IPv6 socket costs an
            // IPV6_V6ONLY setsockopt and v4-mapped handling on every IPv4 probe.
            channel = SocketChannel.open(remote.getAddress() instanceof Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            socketOptions.applyTo(channel);
            if (local != null) {
                // bind_port reuse: a fixed source port would otherwise sit in TIME_WAIT.
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(local);
            }
            armDeadline();
            // Linux runs a loopback (and often a LAN) handshake inside connect(2), which still
            // says EINPROGRESS: asking at once saves a selector round trip per check.
            if (channel.connect(socketOptions.scope(remote)) || channel.finishConnect()) {
                key = loop.register(channel, 0, this);
                onConnectedInternal();
            } else {
                key = loop.register(channel, SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException e) {
            // The handshake may already have started here, on a connect that completed at once.
            fail(reasonFor(e, handshaking));
        }
    }

    @Override
    public final void ready(SelectionKey k) {
        if (done) {
            return;
        }
        try {
            if (!connected && k.isConnectable()) {
                if (channel.finishConnect()) {
                    onConnectedInternal();
                }
                return;
            }
            if (handshaking) {
                continueHandshake();
                return;
            }
            if (k.isWritable()) {
                onWritable();
            }
            if (!done && k.isValid() && k.isReadable()) {
                onReadable();
            }
        } catch (IOException e) {
            fail(reasonFor(e, handshaking));
        }
    }

    private void onConnectedInternal() throws IOException {
        connected = true;
        progress();
        if (tls != null) {
            handshaking = true;
            tls.begin();
            continueHandshake();
        } else {
            onConnected();
        }
    }

    /** The handshake's deadline stays the one set at TCP connect: see the class comment. */
    private void continueHandshake() throws IOException {
        switch (tls.handshake(channel)) {
            case NEED_READ -> interest(SelectionKey.OP_READ);
            case NEED_WRITE -> interest(SelectionKey.OP_WRITE);
            case PEER_CLOSED -> fail(new FailureReason.TlsHandshakeFailed(FailureReason.TlsHandshakeFailed.PEER_CLOSED));
            case DONE -> {
                handshaking = false;
                progress();
                onConnected();
            }
            default -> throw new AssertionError();
        }
    }

    /** Connection established. */
    protected abstract void onConnected() throws IOException;

    protected void onWritable() throws IOException {
    }

    protected void onReadable() throws IOException {
    }

    /** The attempt ended; {@code outcome} goes to whoever started it. */
    protected abstract void complete(AttemptOutcome outcome);

    /** Reads (decrypted, with TLS) bytes into {@code dst}: count, 0 for none now, -1 at EOF. */
    protected final int read(ByteBuffer dst) throws IOException {
        return tls != null ? tls.read(channel, dst) : channel.read(dst);
    }

    /** Writes (encrypted, with TLS) what the socket takes of {@code src}; see {@link #flushed()}. */
    protected final int write(ByteBuffer src) throws IOException {
        return tls != null ? tls.write(channel, src) : channel.write(src);
    }

    /** Whether everything {@link #write} accepted has reached the socket (TLS buffers records). */
    protected final boolean flushed() {
        return tls == null || tls.flushed();
    }

    protected final void interest(int ops) {
        key.interestOps(ops);
    }

    /** Pushes the deadline to now + connect_timeout: keepalived's per-read timeout. */
    protected final void progress() {
        deadlineNanos = loop.nanoTime() + timeout.toNanos();
    }

    protected final Duration elapsed() {
        return Duration.ofNanos(loop.nanoTime() - startNanos);
    }

    protected final void succeed(AttemptOutcome.Success success) {
        if (finish()) {
            complete(success);
        }
    }

    protected final void fail(FailureReason reason) {
        if (finish()) {
            complete(new AttemptOutcome.Failure(reason, elapsed()));
        }
    }

    protected final boolean isDone() {
        return done;
    }

    @Override
    public final void cancel() {
        if (loop.inEventLoop()) {
            finish();
        } else {
            loop.execute(this::finish);
        }
    }

    private void armDeadline() {
        progress();
        deadlineTimer = loop.schedule(timeout, onDeadline);
    }

    /** One timer per attempt, re-armed for the remainder instead of rescheduled per read. */
    private void onDeadline() {
        if (done) {
            return;
        }
        long left = deadlineNanos - loop.nanoTime();
        if (left > 0) {
            deadlineTimer = loop.schedule(Duration.ofNanos(left), onDeadline);
            return;
        }
        fail(connected && !handshaking ? new FailureReason.ReadTimeout(timeout) : new FailureReason.ConnectTimeout(timeout));
    }

    private boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        if (deadlineTimer != null) {
            deadlineTimer.cancel();
        }
        if (key != null) {
            // Registered: closed once the selector lets go of it, which saves JDK NIO's
            // getsockopt(SO_LINGER) and shutdown(2) per probe (NioEventLoop#closeAfterSelect).
            loop.closeAfterSelect(key);
        } else if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a probe socket: the result is already decided.
            }
        }
        return true;
    }

    /**
     * As {@link #reasonFor(IOException)}; a TLS error while {@code handshaking} is a handshake
     * failure, and so is a handshake alert met after our side finished: in TLS 1.3 (RFC 8446
     * §4.4) the server judges our certificate after the client's Finished, so its refusal
     * reaches the request write or the first read, as an SSLHandshakeException.
     */
    static FailureReason reasonFor(IOException e, boolean handshaking) {
        if (e instanceof SSLException) {
            return handshaking || e instanceof SSLHandshakeException
                    ? new FailureReason.TlsHandshakeFailed(e.getMessage() == null ? e.toString() : e.getMessage())
                    : new FailureReason.NetworkError("TLS: " + e.getMessage());
        }
        return reasonFor(e);
    }

    /** Maps socket errors to the reasons keepalived users grep for. */
    static FailureReason reasonFor(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException && lower.contains("refused")) {
            return new FailureReason.ConnectionRefused();
        }
        if (lower.contains("connection reset")) {
            return new FailureReason.ConnectionReset();
        }
        return new FailureReason.NetworkError(msg);
    }
}
