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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * One HTTP GET on the loop: connect (and, for SSL_GET, the TLS handshake), write keepalived's
 * request, read the response to its end (Content-Length reached, or the server closes:
 * keepalived's request asks for HTTP/1.0 or sends Connection: close), hashing the body on the
 * way.
 */
final class HttpFetch extends SocketAttempt {

    /** Longest header block accepted; keepalived reads into a fixed buffer too. */
    static final int HEADER_LIMIT = 64 * 1024;
    /** Body bytes kept for regex matching and genhash -v; the digest covers all of it. */
    static final int BODY_KEEP_LIMIT = 1024 * 1024;

    /** Result of a fetch: the response, or why there is none. */
    sealed interface Result permits Fetched, Failed {
    }

    record Fetched(HttpResponse response) implements Result {
    }

    record Failed(AttemptOutcome.Failure failure) implements Result {
    }

    private final ByteBuffer request;
    private final boolean keepBody;
    private final Consumer<Result> done;
    private final ByteBuffer readBuf = ByteBuffer.allocate(16 * 1024);
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final MessageDigest md5;
    private boolean inBody;
    private int status;
    private long contentLength = -1;
    private long bodyLength;

    HttpFetch(NioEventLoop loop, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout,
              Optional<SSLEngine> tls, byte[] request, boolean keepBody, Consumer<Result> done) {
        super(loop, remote, local, timeout, tls);
        this.request = ByteBuffer.wrap(request);
        this.keepBody = keepBody;
        this.done = done;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5 (MessageDigest spec)", e);
        }
    }

    @Override
    protected void onConnected() throws IOException {
        interest(SelectionKey.OP_WRITE);
        onWritable();
    }

    @Override
    protected void onWritable() throws IOException {
        if (request.hasRemaining() || !flushed()) {
            write(request);
            progress();
        }
        if (!request.hasRemaining() && flushed()) {
            interest(SelectionKey.OP_READ);
        }
    }

    @Override
    protected void onReadable() throws IOException {
        while (!isDone()) {
            readBuf.clear();
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
                readHeader();
            }
            if (inBody && readBuf.hasRemaining()) {
                readBody();
            }
        }
    }

    private void readHeader() {
        int start = header.size();
        header.write(readBuf.array(), readBuf.position(), readBuf.remaining());
        byte[] h = header.toByteArray();
        // Search from 3 bytes back: the CRLFCRLF may straddle two reads.
        int end = indexOfBlankLine(h, Math.max(0, start - 3));
        if (end < 0) {
            if (h.length > HEADER_LIMIT) {
                fail(new FailureReason.MalformedResponse("header longer than " + HEADER_LIMIT + " bytes"));
            } else {
                readBuf.position(readBuf.limit());
            }
            return;
        }
        int headerEnd = end + 4;
        int consumedFromThisRead = headerEnd - start;
        readBuf.position(readBuf.position() + consumedFromThisRead);
        header.reset();
        header.write(h, 0, headerEnd);
        if (!parseHeader(new String(h, 0, headerEnd, StandardCharsets.ISO_8859_1))) {
            return;
        }
        inBody = true;
        if (contentLength == 0) {
            finishOk();
        }
    }

    private boolean parseHeader(String text) {
        String[] lines = text.split("\r\n");
        String statusLine = lines[0];
        // "HTTP/1.1 200 OK": version, space, three digits (RFC 9112 §4).
        if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            fail(new FailureReason.MalformedResponse("bad status line '" + printable(statusLine) + "'"));
            return false;
        }
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            fail(new FailureReason.MalformedResponse("bad status line '" + printable(statusLine) + "'"));
            return false;
        }
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    contentLength = Long.parseLong(lines[i].substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    fail(new FailureReason.MalformedResponse("bad Content-Length '" + printable(lines[i]) + "'"));
                    return false;
                }
            }
        }
        return true;
    }

    private void readBody() {
        int n = readBuf.remaining();
        if (contentLength >= 0) {
            n = (int) Math.min(n, contentLength - bodyLength);
        }
        md5.update(readBuf.array(), readBuf.position(), n);
        if (keepBody && body.size() < BODY_KEEP_LIMIT) {
            body.write(readBuf.array(), readBuf.position(), Math.min(n, BODY_KEEP_LIMIT - body.size()));
        }
        readBuf.position(readBuf.position() + n);
        bodyLength += n;
        if (contentLength >= 0 && bodyLength >= contentLength) {
            finishOk();
        }
    }

    private void onEof() {
        if (!inBody) {
            fail(new FailureReason.MalformedResponse(header.size() == 0
                    ? "connection closed without a response"
                    : "connection closed before end of headers"));
            return;
        }
        // A short Content-Length body is not an error by itself: the digest, if configured,
        // decides, as it does for keepalived which hashes what it received.
        finishOk();
    }

    private void finishOk() {
        HttpResponse response = new HttpResponse(status, header.toByteArray(), md5.digest(), body.toByteArray(),
                bodyLength, elapsed());
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

    private static int indexOfBlankLine(byte[] b, int from) {
        for (int i = from; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
