package io.keepalivedj.config.model;

import java.util.Objects;

/**
 * {@code smtp_server HOST [PORT]}: an IP address or a host name (resolved when mail is sent).
 *
 * @param host as written
 * @param port default 25
 */
public record SmtpServer(String host, int port) {
  public static final int DEFAULT_PORT = 25;

  public SmtpServer {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty smtp_server");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port outside 1..65535: " + port);
    }
  }
}
