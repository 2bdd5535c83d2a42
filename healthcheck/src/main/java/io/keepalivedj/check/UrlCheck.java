package io.keepalivedj.check;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code url { }} block of HTTP_GET/SSL_GET (keepalived.conf(5)): the check passes when
 * the status is in {@code statusCodes}, and the body matches {@code digest} and {@code regex}
 * when they are set.
 *
 * @param path         {@code path}: the request target, e.g. {@code /} or {@code /mrtg2/}
 * @param statusCodes  {@code status_code}: default 200-299
 * @param digest       {@code digest}: MD5 of the body as lower-case hex, as printed by genhash
 * @param virtualhost  {@code virtualhost}: Host header for this URL; "If not set, uses
 *                     virtualhost from real or virtual server" (and then ip:port)
 * @param regex        {@code regex} with {@code regex_no_match}, {@code regex_options} and the
 *                     offsets: "A failure to match causes the check to fail" ({@link BodyRegex})
 */
public record UrlCheck(
        String path,
        StatusCodes statusCodes,
        Optional<String> digest,
        Optional<String> virtualhost,
        Optional<BodyRegex> regex) {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    public UrlCheck {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statusCodes, "statusCodes");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(regex, "regex");
        if (path.isEmpty() || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("url path must be non-empty without spaces or controls: '" + path + "'");
        }
        // genhash prints lower case; accept an upper-case paste of it.
        digest = Objects.requireNonNull(digest, "digest").map(d -> d.toLowerCase(Locale.ROOT));
        digest.ifPresent(d -> {
            if (!MD5_HEX.matcher(d).matches()) {
                throw new IllegalArgumentException("digest must be 32 hex digits (MD5): " + d);
            }
        });
    }

    /** {@code url { path P }}: status 200-299, nothing else checked. */
    public static UrlCheck of(String path) {
        return new UrlCheck(path, StatusCodes.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public UrlCheck withStatusCodes(StatusCodes value) {
        return new UrlCheck(path, value, digest, virtualhost, regex);
    }

    public UrlCheck withDigest(String value) {
        return new UrlCheck(path, statusCodes, Optional.of(value), virtualhost, regex);
    }

    public UrlCheck withVirtualhost(String value) {
        return new UrlCheck(path, statusCodes, digest, Optional.of(value), regex);
    }

    /** {@code regex VALUE}, with {@code regex_no_match} when {@code noMatch}, no options. */
    public UrlCheck withRegex(String value, boolean noMatch) {
        return withRegex(BodyRegex.of(value).withNoMatch(noMatch));
    }

    public UrlCheck withRegex(BodyRegex value) {
        return new UrlCheck(path, statusCodes, digest, virtualhost, Optional.of(value));
    }
}
