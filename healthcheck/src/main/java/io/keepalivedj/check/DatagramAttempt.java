package io.keepalivedj.check;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.Optional;

/**
 * One UDP exchange on the {@link NioEventLoop} (UDP_CHECK, DNS_CHECK): a connected
 * {@link DatagramChannel} sends one datagram and waits up to connect_timeout for replies. A
 * connected socket is what lets the kernel report an ICMP port unreachable back to us, as
 * ECONNREFUSED ({@link PortUnreachableException}), which is a {@link FailureReason.ConnectionRefused}.
 * Not thread-safe: loop thread only.
 */
abstract class DatagramAttempt implements NioEventLoop.IoHandler, Cancellable {

    /** Largest UDP payload over IPv4 (65535 − 20 − 8). */
    private static final int MAX_DATAGRAM = 65507;

    protected final NioEventLoop loop;
    protected final Duration timeout;
    private final InetSocketAddress remote;
    private final Optional<InetSocketAddress> local;
    private final ProbeSocketOptions socketOptions;
    private final long startNanos;
    private final ByteBuffer readBuf = ByteBuffer.allocate(MAX_DATAGRAM);
    private DatagramChannel channel;
    private Cancellable deadline;
    private boolean done;

    /** Probes {@code target}: its connect and bind addresses, bind_if and fwmark. */
    DatagramAttempt(NioEventLoop loop, CheckTarget target, Duration timeout) {
        this.loop = loop;
        this.remote = target.connectAddress();
        this.local = target.bindSocketAddress();
        this.socketOptions = ProbeSocketOptions.of(target);
        this.timeout = timeout;
        this.startNanos = loop.nanoTime();
    }

    /** Opens, sends and starts waiting; call on the loop thread. */
    final void start() {
        try {
            channel = DatagramChannel.open(remote.getAddress() instanceof Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            socketOptions.applyTo(channel);
            if (local.isPresent()) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(local.get());
            }
            channel.connect(socketOptions.scope(remote));
            loop.register(channel, SelectionKey.OP_READ, this);
            deadline = loop.schedule(timeout, this::onDeadline);
            channel.write(ByteBuffer.wrap(request()));
        } catch (PortUnreachableException e) {
            fail(new FailureReason.ConnectionRefused());
        } catch (IOException e) {
            fail(SocketAttempt.reasonFor(e));
        }
    }

    /** The datagram to send. */
    protected abstract byte[] request();

    /** A reply arrived: the outcome, or empty to keep waiting (e.g. a DNS reply with another ID). */
    protected abstract Optional<AttemptOutcome> onReply(ByteBuffer reply);

    /** connect_timeout passed with no reply that ended the attempt. */
    protected abstract AttemptOutcome onSilence();

    /** The attempt ended; {@code outcome} goes to whoever started it. */
    protected abstract void complete(AttemptOutcome outcome);

    @Override
    public final void ready(SelectionKey key) {
        try {
            while (!done) {
                readBuf.clear();
                int n = channel.read(readBuf);
                if (n <= 0) {
                    return;
                }
                readBuf.flip();
                Optional<AttemptOutcome> outcome = onReply(readBuf.asReadOnlyBuffer());
                if (outcome.isPresent()) {
                    finish(outcome.get());
                }
            }
        } catch (PortUnreachableException e) {
            fail(new FailureReason.ConnectionRefused());
        } catch (IOException e) {
            fail(SocketAttempt.reasonFor(e));
        }
    }

    protected final Duration elapsed() {
        return Duration.ofNanos(loop.nanoTime() - startNanos);
    }

    protected final AttemptOutcome.Failure failure(FailureReason reason) {
        return new AttemptOutcome.Failure(reason, elapsed());
    }

    private void onDeadline() {
        if (!done) {
            finish(onSilence());
        }
    }

    private void fail(FailureReason reason) {
        finish(failure(reason));
    }

    private void finish(AttemptOutcome outcome) {
        if (close()) {
            complete(outcome);
        }
    }

    @Override
    public final void cancel() {
        if (loop.inEventLoop()) {
            close();
        } else {
            loop.execute(this::close);
        }
    }

    private boolean close() {
        if (done) {
            return false;
        }
        done = true;
        if (deadline != null) {
            deadline.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a probe socket: the result is already decided.
            }
        }
        return true;
    }
}
