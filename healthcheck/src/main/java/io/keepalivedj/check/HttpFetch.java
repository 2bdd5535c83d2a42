package io.keepalivedj.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * One HTTP GET on the loop: connect (and, for SSL_GET, the TLS handshake), write keepalived's
 * request, read the response to its end (Content-Length reached, or the server closes:
 * keepalived's request asks for HTTP/1.0 or sends Connection: close), hashing the body on the
 * way when a digest is wanted.
 *
 * <p>Costs per fetch are kept to what the response needs: reads go through the loop's shared
 * {@link NioEventLoop#readBuffer()}, the header is parsed as bytes, the body is hashed only
 * for a {@code digest} (or genhash) and kept only for a {@code regex} (or genhash -v).
 */
final class HttpFetch extends SocketAttempt {

    /** Longest header block accepted; keepalived reads into a fixed buffer too. */
    static final int HEADER_LIMIT = 64 * 1024;
    /** Body bytes kept for regex matching and genhash -v; the digest covers all of it. */
    static final int BODY_KEEP_LIMIT = 1024 * 1024;

    /**
     * Cloned per fetch: {@link MessageDigest#getInstance} is a provider lookup (a map search
     * and a reflective constructor) that showed in every profile of ChecksBench.
     */
    private static final MessageDigest MD5_PROTOTYPE = newMd5();

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);

    /** Result of a fetch: the response, or why there is none. */
    sealed interface Result permits Fetched, Failed {
    }

    record Fetched(HttpResponse response) implements Result {
    }

    record Failed(AttemptOutcome.Failure failure) implements Result {
    }

    /**
     * What genhash -v prints while the response arrives (Debian's genhash 2.2.7 dumps each read
     * as it comes, so a dump follows the reads, not the whole body). Called on the loop thread.
     */
    interface Trace {
        /** The header block, CRLFCRLF included, once it is complete. */
        void header(byte[] header);

        /** The body bytes of one read, up to Content-Length; never empty. */
        void bodyChunk(byte[] chunk);
    }

    private final ByteBuffer request;
    private final boolean keepBody;
    private final Consumer<Result> done;
    private final MessageDigest md5;
    /** genhash -v only; null in checkers, which print nothing. */
    private Trace trace;
    /** Bytes asked of one read: the loop's whole buffer, or genhash's read size under a trace. */
    private int readLimit = NioEventLoop.READ_BUFFER_BYTES;
    private byte[] header = new byte[256];
    private int headerLength;
    private ByteArrayOutputStream body;
    private boolean inBody;
    private int status;
    private long contentLength = -1;
    private long bodyLength;

    /**
     * @param request    the request bytes from position to limit; read, never written
     * @param digestBody hash the body (a {@code digest} to compare, or genhash)
     * @param keepBody   keep up to {@link #BODY_KEEP_LIMIT} body bytes (a {@code regex}, genhash -v)
     */
    HttpFetch(NioEventLoop loop, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout,
              Optional<SSLEngine> tls, ByteBuffer request, boolean digestBody, boolean keepBody, Consumer<Result> done) {
        super(loop, remote, local, timeout, tls);
        this.request = request.duplicate();
        this.keepBody = keepBody;
        this.done = done;
        this.md5 = digestBody ? cloneMd5() : null;
    }

    /**
     * Reports the response to {@code t} as it arrives, reading at most {@code maxRead} bytes at a
     * time so the dumps split where genhash's reads do. Call before {@link #start()}.
     */
    HttpFetch traced(Trace t, int maxRead) {
        if (maxRead < 1 || maxRead > NioEventLoop.READ_BUFFER_BYTES) {
            throw new IllegalArgumentException("read size must be 1-" + NioEventLoop.READ_BUFFER_BYTES + ": " + maxRead);
        }
        this.trace = t;
        this.readLimit = maxRead;
        return this;
    }

    @Override
    protected void onConnected() throws IOException {
        // Write at once: the socket just connected has room for a request this small, and
        // OP_WRITE would cost an epoll_ctl and a loop turn.
        onWritable();
    }

    @Override
    protected void onWritable() throws IOException {
        if (request.hasRemaining() || !flushed()) {
            write(request);
            progress();
        }
        interest(!request.hasRemaining() && flushed() ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
    }

    @Override
    protected void onReadable() throws IOException {
        ByteBuffer readBuf = loop.readBuffer();
        while (!isDone()) {
            readBuf.clear().limit(readLimit);
            int n = read(readBuf);
            if (n == 0) {
                return;
            }
            if (n < 0) {
                onEof();
                return;
            }
            progress();
            readBuf.flip();
            if (!inBody) {
                readHeader(readBuf);
            }
            if (inBody && readBuf.hasRemaining()) {
                readBody(readBuf);
            }
        }
    }

    private void readHeader(ByteBuffer readBuf) {
        int start = headerLength;
        int n = readBuf.remaining();
        if (header.length < start + n) {
            header = Arrays.copyOf(header, Math.max(header.length * 2, start + n));
        }
        readBuf.get(readBuf.position(), header, start, n);
        headerLength = start + n;
        // Search from 3 bytes back: the CRLFCRLF may straddle two reads.
        int end = indexOfBlankLine(header, Math.max(0, start - 3), headerLength);
        if (end < 0) {
            if (headerLength > HEADER_LIMIT) {
                fail(new FailureReason.MalformedResponse("header longer than " + HEADER_LIMIT + " bytes"));
            } else {
                readBuf.position(readBuf.limit());
            }
            return;
        }
        int headerEnd = end + 4;
        readBuf.position(readBuf.position() + headerEnd - start);
        headerLength = headerEnd;
        if (!parseHeader()) {
            return;
        }
        if (trace != null) {
            trace.header(Arrays.copyOf(header, headerLength));
        }
        inBody = true;
        if (contentLength == 0) {
            finishOk();
        }
    }

    /**
     * Status line and Content-Length, from the header bytes: lines end in CRLF; the status line
     * is "HTTP/1.1 200 OK": version, space, three digits (RFC 9112 §4); header names compare
     * case-insensitively with surrounding whitespace ignored; the last Content-Length wins.
     */
    private boolean parseHeader() {
        int lineEnd = indexOfCrlf(header, 0, headerLength);
        String statusLine = new String(header, 0, lineEnd, StandardCharsets.ISO_8859_1);
        if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            fail(new FailureReason.MalformedResponse("bad status line '" + printable(statusLine) + "'"));
            return false;
        }
        try {
            status = Integer.parseInt(statusLine, 9, 12, 10);
        } catch (NumberFormatException e) {
            fail(new FailureReason.MalformedResponse("bad status line '" + printable(statusLine) + "'"));
            return false;
        }
        // The header block ends with an empty line, so the last "line" here is empty.
        for (int from = lineEnd + 2; from < headerLength; ) {
            int to = indexOfCrlf(header, from, headerLength);
            int colon = indexOf(header, (byte) ':', from, to);
            if (colon > from && nameIs(header, from, colon, CONTENT_LENGTH)) {
                String value = new String(header, colon + 1, to - colon - 1, StandardCharsets.ISO_8859_1).trim();
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    String line = new String(header, from, to - from, StandardCharsets.ISO_8859_1);
                    fail(new FailureReason.MalformedResponse("bad Content-Length '" + printable(line) + "'"));
                    return false;
                }
            }
            from = to + 2;
        }
        return true;
    }

    private void readBody(ByteBuffer readBuf) {
        int n = readBuf.remaining();
        if (contentLength >= 0) {
            n = (int) Math.min(n, contentLength - bodyLength);
        }
        // The loop's buffer is direct (no array): copy out only what a trace or a regex keeps.
        int offset = readBuf.position();
        if (trace != null && n > 0) {
            byte[] chunk = new byte[n];
            readBuf.get(offset, chunk);
            trace.bodyChunk(chunk);
        }
        if (keepBody) {
            if (body == null) {
                body = new ByteArrayOutputStream();
            }
            int keep = Math.min(n, BODY_KEEP_LIMIT - body.size());
            if (keep > 0) {
                byte[] kept = new byte[keep];
                readBuf.get(offset, kept);
                body.write(kept, 0, keep);
            }
        }
        readBuf.position(offset + n);
        if (md5 != null) {
            // update(ByteBuffer) hashes position to limit: the n body bytes just passed.
            int limit = readBuf.limit();
            readBuf.limit(offset + n).position(offset);
            md5.update(readBuf);
            readBuf.limit(limit);
        }
        bodyLength += n;
        if (contentLength >= 0 && bodyLength >= contentLength) {
            finishOk();
        }
    }

    private void onEof() {
        if (!inBody) {
            fail(new FailureReason.MalformedResponse(headerLength == 0
                    ? "connection closed without a response"
                    : "connection closed before end of headers"));
            return;
        }
        // A short Content-Length body is not an error by itself: the digest, if configured,
        // decides, as it does for keepalived which hashes what it received.
        finishOk();
    }

    private void finishOk() {
        HttpResponse response = new HttpResponse(status, Arrays.copyOf(header, headerLength),
                md5 == null ? null : md5.digest(), body == null ? new byte[0] : body.toByteArray(), bodyLength, elapsed());
        succeed(AttemptOutcome.Success.of(response.latency()));
        done.accept(new Fetched(response));
    }

    @Override
    protected void complete(AttemptOutcome outcome) {
        if (outcome instanceof AttemptOutcome.Failure failure) {
            done.accept(new Failed(failure));
        } else if (outcome instanceof AttemptOutcome.Success) {
            // finishOk() reports the response itself, after closing the socket.
            return;
        } else {
            throw new AssertionError(outcome);
        }
    }

    /** Index of the CRLFCRLF in {@code b[from, to)}, or -1. */
    private static int indexOfBlankLine(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first CRLF in {@code b[from, to)}; callers know there is one. */
    private static int indexOfCrlf(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("no CRLF in a header block that ends with CRLFCRLF");
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code b[from, to)}, without leading and trailing whitespace, is {@code lowerName}, ignoring case. */
    private static boolean nameIs(byte[] b, int from, int to, byte[] lowerName) {
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xff) <= ' ') {
            to--;
        }
        if (to - from != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            int c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5 (MessageDigest spec)", e);
        }
    }

    private static MessageDigest cloneMd5() {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            // A provider whose MD5 cannot clone: look it up each time instead.
            return newMd5();
        }
    }
}
