package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code sorry_server IP [PORT]} of a virtual server: the server IPVS gets when the quorum of
 * real servers is lost, with the {@code sorry_server_*} keywords that refine it.
 *
 * @param ip its address
 * @param port 1..65535, or 0 when not written (the virtual server's port, unless NAT)
 * @param sorryServerInhibit {@code sorry_server_inhibit}: keep it in IPVS with weight 0 instead
 *     of removing it; default false
 * @param sorryServerLvsMethod {@code sorry_server_lvs_method}; default none, the virtual server's
 *     {@code lvs_method}
 * @param tunnel the {@code TUN} options of {@code sorry_server_lvs_method TUN ...}; present
 *     exactly when that method is {@code TUN}
 * @param position where the {@code sorry_server} keyword is
 */
public record SorryServer(
    InetAddress ip,
    int port,
    boolean sorryServerInhibit,
    Optional<LvsMethod> sorryServerLvsMethod,
    Optional<LvsTunnel> tunnel,
    SourcePosition position) {

  public SorryServer {
    Objects.requireNonNull(ip, "ip");
    LvsChecks.port("port", port, true);
    LvsChecks.tunnel(sorryServerLvsMethod, tunnel);
    Objects.requireNonNull(position, "position");
  }

  /** A sorry server with every option at its default. */
  public static SorryServer of(InetAddress ip, int port, SourcePosition position) {
    return new SorryServer(ip, port, false, Optional.empty(), Optional.empty(), position);
  }
}
