package io.keepalivedj.config.model;

import java.util.Objects;

/**
 * The options after {@code lvs_method TUN}: {@code [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]}
 * (keepalived 2.2.7 with kernel 5.2+ tunnel types). A GUE tunnel needs a port and no other type
 * may have one; IPIP takes no checksum option; GRE takes no remote checksum.
 *
 * @param type encapsulation; default {@link Type#IPIP}
 * @param port GUE destination port, 1..65535; 0 for the other types
 * @param checksum checksum handling; default {@link Checksum#NOCSUM}
 */
public record LvsTunnel(Type type, int port, Checksum checksum) {

  /** {@code lvs_method TUN} without options: plain IP-in-IP. */
  public static final LvsTunnel IPIP = new LvsTunnel(Type.IPIP, 0, Checksum.NOCSUM);

  public LvsTunnel {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(checksum, "checksum");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("tunnel port outside 0..65535: " + port);
    }
    if ((type == Type.GUE) != (port != 0)) {
      throw new IllegalArgumentException("gue tunnels require a port, other tunnel types cannot have one");
    }
    if (type == Type.IPIP && checksum != Checksum.NOCSUM) {
      throw new IllegalArgumentException("ipip tunnels do not support a checksum option");
    }
    if (type == Type.GRE && checksum == Checksum.REMCSUM) {
      throw new IllegalArgumentException("gre tunnels do not support remote checksum");
    }
  }

  /** Tunnel encapsulation ({@code IP_VS_CONN_F_TUNNEL_TYPE_*}, uapi/linux/ip_vs.h). */
  public enum Type implements KeywordEnum {
    IPIP,
    GUE,
    GRE;

    @Override
    public String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Tunnel checksum flags ({@code IP_VS_TUNNEL_ENCAP_FLAG_*}, uapi/linux/ip_vs.h). */
  public enum Checksum implements KeywordEnum {
    NOCSUM,
    CSUM,
    REMCSUM;

    @Override
    public String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
