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
 * <p>With {@code certificate} SSL_GET presents a client certificate to servers that ask for
 * one: the PEM file holds the certificate, then optionally its chain; {@code key} is the PEM
 * private key (PKCS#8, encrypted PKCS#8, PKCS#1 RSA or SEC1 EC, the traditional ones optionally
 * with OpenSSL's {@code Proc-Type: 4,ENCRYPTED}); without {@code key} the key is read from the
 * certificate file. {@code password} decrypts an encrypted key and is otherwise unused, as
 * OpenSSL's pass phrase callback is. The files are read when a checker is built from these
 * options.
 *
 * @param ca          {@code ca}: PEM file of trusted certificates
 * @param certificate {@code certificate}: PEM file of the client certificate (and its chain)
 * @param key         {@code key}: PEM file of the client certificate's private key
 * @param password    {@code password}: the key's pass phrase
 */
public record SslOptions(Optional<Path> ca, Optional<Path> certificate, Optional<Path> key, Optional<String> password) {

    /** No {@code SSL { }} block: encrypt, verify nothing, present no certificate. */
    public static final SslOptions NONE = new SslOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * @throws IllegalArgumentException for a {@code key} without a {@code certificate}: a key
     *     alone presents nothing to the server
     */
    public SslOptions {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(password, "password");
        if (key.isPresent() && certificate.isEmpty()) {
            throw new IllegalArgumentException("SSL key " + key.get() + " needs a certificate");
        }
    }

    public static SslOptions withCa(Path ca) {
        return NONE.ca(ca);
    }

    /** These options with {@code ca} set. */
    public SslOptions ca(Path ca) {
        return new SslOptions(Optional.of(Objects.requireNonNull(ca, "ca")), certificate, key, password);
    }

    /** These options with a client certificate; {@code key} empty: the key is in the certificate file. */
    public SslOptions clientCertificate(Path certificate, Optional<Path> key, Optional<String> password) {
        return new SslOptions(ca, Optional.of(Objects.requireNonNull(certificate, "certificate")), key, password);
    }

    /** Says whether a password is set, never what it is: these options end up in logs. */
    @Override
    public String toString() {
        return "SslOptions[ca=" + ca + ", certificate=" + certificate + ", key=" + key
                + ", password=" + (password.isPresent() ? "(set)" : "(none)") + "]";
    }
}
