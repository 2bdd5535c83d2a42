package io.keepalivedj.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * An {@link SSLEngine} over one non-blocking {@link SocketChannel}, driven by the loop thread
 * (SSL_GET). Buffers: {@code netIn} is filled from the socket and unwrapped (write mode);
 * {@code netOut} holds TLS records not yet written (read mode); {@code appIn} holds decrypted
 * bytes not yet handed to the reader (read mode). Delegated tasks run inline: the loop is the
 * only thread a check may use, as keepalived's checker process runs OpenSSL on its one thread.
 * Not thread-safe: loop thread only.
 */
final class TlsSession {

    /** Where the handshake stands after {@link #handshake}. */
    enum Progress {
        DONE,
        NEED_READ,
        NEED_WRITE,
        /** The peer closed the TCP connection before the handshake finished. */
        PEER_CLOSED
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean peerClosed;

    TlsSession(SSLEngine engine) {
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet).flip();
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    void begin() throws SSLException {
        engine.beginHandshake();
    }

    /** Moves the handshake as far as the socket allows without blocking. */
    Progress handshake(SocketChannel channel) throws IOException {
        while (true) {
            // A whole flight (TLS 1.2: Certificate, ClientKeyExchange, CertificateVerify,
            // ChangeCipherSpec, Finished) goes out in one write, as OpenSSL sends it: a server
            // that refuses the first record and closes then finds the rest already sent, and
            // our next read gets its alert rather than our next write an EPIPE.
            while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                if (wrap(EMPTY) == SSLEngineResult.Status.CLOSED) {
                    break;
                }
            }
            if (!flushOrAlert(channel)) {
                return Progress.NEED_WRITE;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> wrap(EMPTY);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    int step = unwrapOrRead(channel);
                    if (step == 0) {
                        return Progress.NEED_READ;
                    }
                    if (step < 0) {
                        return Progress.PEER_CLOSED;
                    }
                }
                case FINISHED, NOT_HANDSHAKING -> {
                    return Progress.DONE;
                }
                default -> throw new AssertionError(engine.getHandshakeStatus());
            }
        }
    }

    /**
     * Reads decrypted bytes into {@code dst}: the count, 0 when the socket has nothing more now,
     * -1 at the end of the stream (close_notify or TCP EOF; a missing close_notify is not an
     * error here: keepalived hashes whatever body arrived before the close).
     */
    int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        while (true) {
            if (appIn.hasRemaining()) {
                int n = Math.min(appIn.remaining(), dst.remaining());
                ByteBuffer slice = appIn.slice(appIn.position(), n);
                dst.put(slice);
                appIn.position(appIn.position() + n);
                return n;
            }
            if (peerClosed) {
                return -1;
            }
            // Post-handshake messages (TLS 1.3 KeyUpdate) can ask us to send or compute.
            SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY);
                flush(channel);
            }
            int step = unwrapOrRead(channel);
            if (step == 0) {
                return 0;
            }
            if (step < 0) {
                peerClosed = true;
            }
        }
    }

    /** Encrypts and writes as much of {@code src} as the socket takes; returns bytes consumed. */
    int write(SocketChannel channel, ByteBuffer src) throws IOException {
        int before = src.remaining();
        while (flushOrAlert(channel) && src.hasRemaining()) {
            wrap(src);
        }
        return before - src.remaining();
    }

    /**
     * {@link #flush}, but when the write fails (EPIPE, ECONNRESET: the peer closed) the peer's
     * fatal alert, if one came before its close, is thrown instead: "Received fatal alert:
     * bad_certificate" says why, "Broken pipe" does not. TLS 1.3 servers refuse a client
     * certificate after the client's handshake has ended (RFC 8446 §4.4.2.4), so this also
     * serves the request write.
     */
    private boolean flushOrAlert(SocketChannel channel) throws IOException {
        try {
            return flush(channel);
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            SSLException alert = pendingAlert(channel);
            if (alert != null) {
                alert.addSuppressed(e);
                throw alert;
            }
            throw e;
        }
    }

    /** The SSLException unwrapping what the peer already sent raises, or null if none. */
    private SSLException pendingAlert(SocketChannel channel) {
        try {
            // Each step unwraps one record or reads once; an alert is the peer's last record,
            // so a handful of steps reaches it and a live peer cannot keep us here.
            for (int i = 0; i < 8 && unwrapOrRead(channel) > 0; i++) {
                if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
            }
        } catch (SSLException e) {
            return e;
        } catch (IOException | RuntimeException e) {
            // Nothing readable (the reset took it): the write's own error stands.
        }
        return null;
    }

    /** Whether every record produced so far has reached the socket. */
    boolean flushed() {
        return !netOut.hasRemaining();
    }

    private boolean flush(SocketChannel channel) throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    private SSLEngineResult.Status wrap(ByteBuffer src) throws SSLException {
        while (true) {
            netOut.compact();
            SSLEngineResult r;
            try {
                r = engine.wrap(src, netOut);
            } finally {
                netOut.flip();
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                continue;
            }
            return r.getStatus();
        }
    }

    /**
     * Unwraps one record, reading from the socket when none is complete: 1 after progress,
     * 0 when the socket has nothing now, -1 when the peer closed (TCP EOF or close_notify).
     */
    private int unwrapOrRead(SocketChannel channel) throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            switch (r.getStatus()) {
                case OK -> {
                    return 1;
                }
                case CLOSED -> {
                    return -1;
                }
                case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                case BUFFER_UNDERFLOW -> {
                    if (!netIn.hasRemaining()) {
                        netIn.flip();
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize()).compact();
                    }
                    int n = channel.read(netIn);
                    if (n == 0) {
                        return 0;
                    }
                    if (n < 0) {
                        return -1;
                    }
                }
                default -> throw new AssertionError(r.getStatus());
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** A larger buffer in read mode holding {@code b}'s readable bytes ({@code b} in read mode). */
    private static ByteBuffer grow(ByteBuffer b, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, b.capacity() * 2) + b.remaining());
        bigger.put(b);
        return bigger.flip();
    }
}
