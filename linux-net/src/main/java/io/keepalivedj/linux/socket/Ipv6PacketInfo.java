package io.keepalivedj.linux.socket;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * struct in6_pktinfo (uapi/linux/ipv6.h, RFC 3542 §6). Received: the packet's destination
 * address and the interface it arrived on. Sent: the source address and the output interface
 * (0: any). The address is stored without a scope id; the interface index carries the scope.
 */
public record Ipv6PacketInfo(Inet6Address address, int interfaceIndex) {
  public Ipv6PacketInfo {
    Objects.requireNonNull(address, "address");
    if (interfaceIndex < 0) {
      throw new IllegalArgumentException("negative interface index: " + interfaceIndex);
    }
  }
}
