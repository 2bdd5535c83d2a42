package io.keepalivedj.linux.socket;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * struct in_pktinfo (uapi/linux/in.h, ip(7) IP_PKTINFO). Received: {@code interfaceIndex} the
 * packet came in on, {@code destination} the IP header's destination, {@code localAddress} the
 * local address routing picked (ipi_spec_dst). Sent: {@code interfaceIndex} (0: any) is the
 * output interface and {@code localAddress} the source address; {@code destination} is ignored.
 */
public record Ipv4PacketInfo(int interfaceIndex, Inet4Address localAddress, Inet4Address destination) {
  public Ipv4PacketInfo {
    if (interfaceIndex < 0) {
      throw new IllegalArgumentException("negative interface index: " + interfaceIndex);
    }
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(destination, "destination");
  }
}
