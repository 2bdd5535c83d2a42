package io.keepalivedj.check;

/**
 * {@code http_protocol} of keepalived.conf(5): "HTTP protocol version, one of 1.0, 1.0C, 1.1.
 * Protocol version 1.0C means version 1.0 with the addition of a "Connection: close" line,
 * which is included in version 1.1 by default." Default 1.0.
 */
public enum HttpProtocol {
    HTTP_1_0("1.0", "HTTP/1.0", false),
    HTTP_1_0C("1.0C", "HTTP/1.0", true),
    HTTP_1_1("1.1", "HTTP/1.1", true);

    private final String configName;
    private final String requestVersion;
    private final boolean connectionClose;

    HttpProtocol(String configName, String requestVersion, boolean connectionClose) {
        this.configName = configName;
        this.requestVersion = requestVersion;
        this.connectionClose = connectionClose;
    }

    /** The keepalived.conf spelling: {@code 1.0}, {@code 1.0C}, {@code 1.1}. */
    public String configName() {
        return configName;
    }

    /** The version token of the request line. */
    public String requestVersion() {
        return requestVersion;
    }

    /** Whether the request carries {@code Connection: close}. */
    public boolean connectionClose() {
        return connectionClose;
    }

    /** Accepts the config spelling, case-insensitively (genhash -P takes "1.0c"). */
    public static HttpProtocol fromConfigName(String name) {
        for (HttpProtocol p : values()) {
            if (p.configName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("http_protocol must be 1.0, 1.0C or 1.1: " + name);
    }
}
