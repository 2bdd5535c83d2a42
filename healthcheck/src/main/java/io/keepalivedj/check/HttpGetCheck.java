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
 * @param ssl          SSL_GET rather than HTTP_GET (not implemented by the checkers yet)
 * @param sniName      SSL_GET {@code enable_sni}/{@code sni_name}: SNI to send, if any
 * @param fastRecovery {@code fast_recovery}: check all URLs back to back when recovering
 */
public record HttpGetCheck(
        CheckTarget target,
        CheckOptions options,
        List<UrlCheck> urls,
        Optional<String> virtualhost,
        HttpProtocol protocol,
        boolean ssl,
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
        if (!ssl && sniName.isPresent()) {
            throw new IllegalArgumentException("sni_name applies to SSL_GET only");
        }
        if (target.connectAddress().getPort() == 0) {
            throw new IllegalArgumentException("HTTP_GET needs a real server port or connect_port: " + target);
        }
    }

    /** HTTP_GET with keepalived's defaults and the given URLs. */
    public static HttpGetCheck of(CheckTarget target, UrlCheck... urls) {
        return new HttpGetCheck(target, CheckOptions.defaults(CheckType.HTTP_GET), List.of(urls),
                Optional.empty(), HttpProtocol.HTTP_1_0, false, Optional.empty(), false);
    }

    public HttpGetCheck withOptions(CheckOptions value) {
        return new HttpGetCheck(target, value, urls, virtualhost, protocol, ssl, sniName, fastRecovery);
    }

    public HttpGetCheck withProtocol(HttpProtocol value) {
        return new HttpGetCheck(target, options, urls, virtualhost, value, ssl, sniName, fastRecovery);
    }

    public HttpGetCheck withVirtualhost(String value) {
        return new HttpGetCheck(target, options, urls, Optional.of(value), protocol, ssl, sniName, fastRecovery);
    }

    @Override
    public CheckType type() {
        return ssl ? CheckType.SSL_GET : CheckType.HTTP_GET;
    }
}
