package io.keepalivedj.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP_GET and SSL_GET of keepalived.conf(5).
 *
 * @param urls         the {@code url { }} blocks; all must pass
 * @param virtualhost  {@code virtualhost} inherited from checker, real or virtual server;
 *                     a URL's own virtualhost wins
 * @param protocol     {@code http_protocol}; default 1.0
 * @param ssl          SSL_GET rather than HTTP_GET
 * @param enableSni    SSL_GET {@code enable_sni}: "when provided, send Server Name Indicator
 *                     during SSL handshake"; the name is {@code sniName}, else the URL's
 *                     virtualhost, else this check's; with none of them no SNI is sent
 *                     (Debian's genhash 2.2.7 {@code -S -I} without {@code -V} sends none)
 * @param sniName      SSL_GET {@code sni_name} (keepalived 2.3+): the SNI name, overriding the
 *                     virtualhost; needs {@code enableSni}
 * @param fastRecovery {@code fast_recovery}: check all URLs back to back when recovering
 */
public record HttpGetCheck(
        CheckTarget target,
        CheckOptions options,
        List<UrlCheck> urls,
        Optional<String> virtualhost,
        HttpProtocol protocol,
        boolean ssl,
        boolean enableSni,
        Optional<String> sniName,
        boolean fastRecovery) implements CheckSpec {

    public HttpGetCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sniName, "sniName");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("HTTP_GET needs at least one url block");
        }
        if (!ssl && (enableSni || sniName.isPresent())) {
            throw new IllegalArgumentException("enable_sni and sni_name apply to SSL_GET only");
        }
        if (sniName.isPresent() && !enableSni) {
            throw new IllegalArgumentException("sni_name needs enable_sni");
        }
        if (target.connectAddress().getPort() == 0) {
            throw new IllegalArgumentException("HTTP_GET needs a real server port or connect_port: " + target);
        }
    }

    /** HTTP_GET with keepalived's defaults and the given URLs. */
    public static HttpGetCheck of(CheckTarget target, UrlCheck... urls) {
        return new HttpGetCheck(target, CheckOptions.defaults(CheckType.HTTP_GET), List.of(urls),
                Optional.empty(), HttpProtocol.HTTP_1_0, false, false, Optional.empty(), false);
    }

    /** SSL_GET with keepalived's defaults (no SNI) and the given URLs. */
    public static HttpGetCheck ssl(CheckTarget target, UrlCheck... urls) {
        return new HttpGetCheck(target, CheckOptions.defaults(CheckType.SSL_GET), List.of(urls),
                Optional.empty(), HttpProtocol.HTTP_1_0, true, false, Optional.empty(), false);
    }

    public HttpGetCheck withOptions(CheckOptions value) {
        return new HttpGetCheck(target, value, urls, virtualhost, protocol, ssl, enableSni, sniName, fastRecovery);
    }

    public HttpGetCheck withProtocol(HttpProtocol value) {
        return new HttpGetCheck(target, options, urls, virtualhost, value, ssl, enableSni, sniName, fastRecovery);
    }

    public HttpGetCheck withVirtualhost(String value) {
        return new HttpGetCheck(target, options, urls, Optional.of(value), protocol, ssl, enableSni, sniName, fastRecovery);
    }

    /** {@code enable_sni}, with {@code sniName} when given. */
    public HttpGetCheck withSni(Optional<String> name) {
        return new HttpGetCheck(target, options, urls, virtualhost, protocol, ssl, true, name, fastRecovery);
    }

    /** The SNI name for a connection fetching {@code url}, if one is to be sent. */
    public Optional<String> sniFor(UrlCheck url) {
        if (!enableSni) {
            return Optional.empty();
        }
        return sniName.or(url::virtualhost).or(() -> virtualhost);
    }

    @Override
    public CheckType type() {
        return ssl ? CheckType.SSL_GET : CheckType.HTTP_GET;
    }
}
