package io.keepalivedj.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one GET brought back: status, raw header block, the MD5 of the body and the body's
 * first bytes (kept for regex and genhash -v).
 *
 * <p>The digest covers the body bytes exactly as received after the blank line, truncated at
 * Content-Length when present, with chunked framing NOT removed: Debian's genhash 2.2.7 prints
 * {@code md5("6\r\nhello \r\n6\r\nworld\n\r\n0\r\n\r\n")} for a chunked "hello world\n", so a
 * digest a user computed with genhash only matches if we hash the same bytes.
 */
final class HttpResponse {

    private final int status;
    private final byte[] header;
    private final byte[] md5;
    private final byte[] bodyPrefix;
    private final long bodyLength;
    private final Duration latency;

    /**
     * Takes ownership of the arrays (the fetch hands over fresh copies, so a per-check copy is
     * not made twice). {@code md5} is null when the body was not hashed: no digest was asked for.
     */
    HttpResponse(int status, byte[] header, byte[] md5, byte[] bodyPrefix, long bodyLength, Duration latency) {
        this.status = status;
        this.header = Objects.requireNonNull(header, "header");
        this.md5 = md5;
        this.bodyPrefix = Objects.requireNonNull(bodyPrefix, "bodyPrefix");
        this.bodyLength = bodyLength;
        this.latency = latency;
    }

    int status() {
        return status;
    }

    /** Status line and headers including the final blank line. */
    byte[] header() {
        return header.clone();
    }

    /** Whether the body was hashed: a digest was asked for. */
    boolean hashed() {
        return md5 != null;
    }

    /** @throws IllegalStateException if the body was not hashed */
    byte[] md5() {
        return requireHashed().clone();
    }

    /** @throws IllegalStateException if the body was not hashed */
    String md5Hex() {
        return HexFormat.of().formatHex(requireHashed());
    }

    private byte[] requireHashed() {
        if (md5 == null) {
            throw new IllegalStateException("the body was not hashed: the fetch asked for no digest");
        }
        return md5;
    }

    /** The body, or its first {@code HttpFetch.BODY_KEEP_LIMIT} bytes. */
    byte[] bodyPrefix() {
        return bodyPrefix.clone();
    }

    /** Whether the kept body passes {@code regex} (compiled as {@code compiled}), read in place. */
    boolean bodyPasses(BodyRegex regex, Pattern compiled) {
        return regex.passes(compiled, bodyPrefix);
    }

    long bodyLength() {
        return bodyLength;
    }

    Duration latency() {
        return latency;
    }

    @Override
    public String toString() {
        return "HttpResponse[status=" + status + ", md5=" + (md5 == null ? "-" : md5Hex()) + ", body=" + bodyLength + " bytes, header="
                + Arrays.toString(new String(header, StandardCharsets.ISO_8859_1).split("\r\n")) + "]";
    }
}
