package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * The top-level {@code SSL} block: the client context {@code SSL_GET} checkers use. Without the
 * block (or with every field unset) keepalived builds a context with no certificate and no CA.
 *
 * @param password {@code password}: the private key's pass phrase; default none
 * @param ca {@code ca}: CA certificate file; default none
 * @param certificate {@code certificate}: client certificate file; default none
 * @param key {@code key}: private key file; default none
 * @param position where the {@code SSL} keyword is
 */
public record SslConfig(
    Optional<String> password,
    Optional<String> ca,
    Optional<String> certificate,
    Optional<String> key,
    SourcePosition position) {

  public SslConfig {
    LvsChecks.text("password", password);
    LvsChecks.text("ca", ca);
    LvsChecks.text("certificate", certificate);
    LvsChecks.text("key", key);
    Objects.requireNonNull(position, "position");
  }
}
