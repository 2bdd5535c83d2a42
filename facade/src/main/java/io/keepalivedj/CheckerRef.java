package io.keepalivedj;

import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.AddressText;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Which checker block of the configuration a check comes from: its virtual server, its real
 * server and its place among that real server's checkers. It names a check in events and logs
 * the way an operator finds it in the file, and stays the same when unrelated blocks are added,
 * so a reload can match old checks to new ones.
 *
 * @param virtualServer  the {@code virtual_server} line the real server is in
 * @param realServerIp   {@code real_server IP}
 * @param realServerPort {@code real_server IP PORT}; 0 when it has none
 * @param checkerIndex   0 for the real server's first checker block, 1 for its second, ...
 * @param keyword        {@code HTTP_GET}, {@code SSL_GET}, {@code TCP_CHECK}, ...
 * @param position       where the checker's keyword is
 */
public record CheckerRef(
    VirtualServerEndpoint virtualServer,
    InetAddress realServerIp,
    int realServerPort,
    int checkerIndex,
    String keyword,
    SourcePosition position) {

  public CheckerRef {
    Objects.requireNonNull(virtualServer, "virtualServer");
    Objects.requireNonNull(realServerIp, "realServerIp");
    if (realServerPort < 0 || realServerPort > 65535) {
      throw new IllegalArgumentException("real server port out of 0-65535: " + realServerPort);
    }
    if (checkerIndex < 0) {
      throw new IllegalArgumentException("checker index must be >= 0: " + checkerIndex);
    }
    Objects.requireNonNull(keyword, "keyword");
    if (keyword.isEmpty()) {
      throw new IllegalArgumentException("empty checker keyword");
    }
    Objects.requireNonNull(position, "position");
  }

  /** {@code 192.0.2.5:80} ({@code [2001:db8::5]:80} for IPv6), as ipvsadm lists a real server. */
  public String realServer() {
    String ip = AddressText.of(realServerIp);
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + realServerPort;
  }

  /** {@code 192.0.2.1:80 -> 192.0.2.5:80 HTTP_GET#1}: the checker number counts from 1, as a reader counts blocks. */
  @Override
  public String toString() {
    return virtualServer + " -> " + realServer() + " " + keyword + "#" + (checkerIndex + 1);
  }
}
