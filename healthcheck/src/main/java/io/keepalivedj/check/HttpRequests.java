package io.keepalivedj.check;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The request keepalived sends. Captured from Debian's genhash 2.2.7 on loopback
 * ({@code genhash -s 127.0.0.1 -p 18080 -u /}, then with {@code -P 1.0C}, {@code -P 1.1},
 * {@code -V myhost}):
 * <pre>
 * GET / HTTP/1.0\r\n
 * User-Agent: KeepAliveClient\r\n
 * Connection: close\r\n          (1.0C and 1.1 only)
 * Host: 127.0.0.1:18080\r\n      (virtualhost alone when set; the port is kept even for 80)
 * \r\n
 * </pre>
 */
final class HttpRequests {

    private HttpRequests() {
    }

    static byte[] get(HttpProtocol protocol, String path, String host) {
        StringBuilder sb = new StringBuilder(96)
                .append("GET ").append(path).append(' ').append(protocol.requestVersion()).append("\r\n")
                .append("User-Agent: KeepAliveClient\r\n");
        if (protocol.connectionClose()) {
            sb.append("Connection: close\r\n");
        }
        sb.append("Host: ").append(host).append("\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Host header value without a virtualhost: {@code ip:port}, IPv6 in brackets. */
    static String hostOf(InetSocketAddress address) {
        String ip = address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            int scope = ip.indexOf('%');
            ip = "[" + (scope >= 0 ? ip.substring(0, scope) : ip) + "]";
        }
        return ip + ":" + address.getPort();
    }
}
