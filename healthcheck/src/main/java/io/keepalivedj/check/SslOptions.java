package io.keepalivedj.check;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The top-level {@code SSL { }} block of keepalived.conf(5), "Parameters used for SSL_GET
 * check. If none of the parameters are specified, the SSL context will be auto generated."
 *
 * <p>Without {@code ca} the server's certificate is not verified at all (keepalived's default:
 * SSL_GET checks that the service answers, not who it is). With {@code ca} the server's chain
 * must verify (PKIX) against the certificates in that PEM file; the host name is not checked,
 * since real servers are addressed by IP.
 *
 * <p>Not yet: {@code certificate}, {@code key} and {@code password} (a client certificate).
 *
 * @param ca {@code ca}: PEM file of trusted certificates
 */
public record SslOptions(Optional<Path> ca) {

    /** No {@code SSL { }} block: encrypt, verify nothing. */
    public static final SslOptions NONE = new SslOptions(Optional.empty());

    public SslOptions {
        Objects.requireNonNull(ca, "ca");
    }

    public static SslOptions withCa(Path ca) {
        return new SslOptions(Optional.of(Objects.requireNonNull(ca, "ca")));
    }
}
