package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code HTTP_GET { ... }} or, with {@link #sslGet}, {@code SSL_GET { ... }}: fetch every url and
 * compare status code, digest and regex.
 *
 * @param sslGet whether the block is {@code SSL_GET} (TLS with the top-level {@code SSL} context)
 * @param common connection and timing options
 * @param virtualhost {@code virtualhost}: Host header; default the real server's
 *     {@code virtualhost}, then the virtual server's, else the address
 * @param httpProtocol {@code http_protocol}; default {@link HttpProtocol#HTTP_1_0}
 * @param enableSni {@code enable_sni}: send SNI (the virtualhost); default false; set by
 *     {@code sni_name}
 * @param sniName {@code sni_name} (keepalived 2.3+): the SNI to send; default the virtualhost
 * @param fastRecovery {@code fast_recovery}: after a failure, check again at once; default false
 * @param tlsCompliant {@code tls_compliant} (SSL_GET only, keepalived 2.2.8+); default false
 * @param url its {@code url} blocks, in file order; at least one
 * @param position where the {@code HTTP_GET}/{@code SSL_GET} keyword is
 */
public record HttpGetChecker(
    boolean sslGet,
    CheckerCommon common,
    Optional<String> virtualhost,
    HttpProtocol httpProtocol,
    boolean enableSni,
    Optional<String> sniName,
    boolean fastRecovery,
    boolean tlsCompliant,
    List<UrlConfig> url,
    SourcePosition position) implements CheckerConfig {

  public HttpGetChecker {
    Objects.requireNonNull(common, "common");
    LvsChecks.text("virtualhost", virtualhost);
    Objects.requireNonNull(httpProtocol, "httpProtocol");
    LvsChecks.text("sniName", sniName);
    if (sniName.isPresent() && !enableSni) {
      throw new IllegalArgumentException("sni_name implies enable_sni");
    }
    url = List.copyOf(url);
    if (url.isEmpty()) {
      throw new IllegalArgumentException("an HTTP_GET/SSL_GET checker needs at least one url");
    }
    if (!sslGet && (tlsCompliant || url.stream().anyMatch(UrlConfig::tlsCompliant))) {
      throw new IllegalArgumentException("tls_compliant belongs to SSL_GET");
    }
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return sslGet ? "SSL_GET" : "HTTP_GET";
  }

  @Override
  public Optional<Duration> defaultDelayBeforeRetry() {
    return Optional.of(Duration.ofSeconds(3));
  }

  /** An {@code HTTP_GET} builder; see {@link Builder#sslGet}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HttpGetChecker}s; every option starts at keepalived's default. */
  public static final class Builder {
    private boolean sslGet;
    private CheckerCommon common = CheckerCommon.DEFAULTS;
    private Optional<String> virtualhost = Optional.empty();
    private HttpProtocol httpProtocol = HttpProtocol.HTTP_1_0;
    private boolean enableSni;
    private Optional<String> sniName = Optional.empty();
    private boolean fastRecovery;
    private boolean tlsCompliant;
    private final List<UrlConfig> url = new ArrayList<>();
    private SourcePosition position = SourcePosition.NONE;

    private Builder() {}

    public Builder sslGet(boolean v) {
      sslGet = v;
      return this;
    }

    public Builder common(CheckerCommon v) {
      common = Objects.requireNonNull(v);
      return this;
    }

    public Builder virtualhost(String v) {
      virtualhost = Optional.of(v);
      return this;
    }

    public Builder httpProtocol(HttpProtocol v) {
      httpProtocol = Objects.requireNonNull(v);
      return this;
    }

    public Builder enableSni(boolean v) {
      enableSni = v;
      return this;
    }

    /** Sets the SNI name and, as keepalived does, turns SNI on. */
    public Builder sniName(String v) {
      sniName = Optional.of(v);
      enableSni = true;
      return this;
    }

    public Builder fastRecovery(boolean v) {
      fastRecovery = v;
      return this;
    }

    public Builder tlsCompliant(boolean v) {
      tlsCompliant = v;
      return this;
    }

    public Builder url(UrlConfig v) {
      url.add(Objects.requireNonNull(v));
      return this;
    }

    public Builder position(SourcePosition v) {
      position = Objects.requireNonNull(v);
      return this;
    }

    public HttpGetChecker build() {
      return new HttpGetChecker(sslGet, common, virtualhost, httpProtocol, enableSni, sniName, fastRecovery,
          tlsCompliant, url, position);
    }
  }
}
