package io.keepalivedj.linux.packet;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * An unsolicited neighbour advertisement (RFC 4861 §4.4, §7.2.6) telling every node on the link
 * (ff02::1) that {@code target} is now at {@code linkAddress}, as keepalived sends for IPv6 VIPs
 * on becoming master (ndisc.c ndisc_send_unsolicited_na): from {@code source} (keepalived: the
 * VIP itself), hop limit 255, Solicited flag clear (unsolicited), a target link-layer address
 * option carrying {@code linkAddress}, which is also the Ethernet source.
 * {@link NeighbourAdvertisementCodec} encodes it.
 *
 * @param router   the R flag: the sender is a router (keepalived sets it when the interface
 *                 forwards IPv6)
 * @param override the O flag: replace cached link-layer addresses (keepalived always sets it)
 */
public record NeighbourAdvertisement(MacAddress linkAddress, Inet6Address source, Inet6Address target,
    boolean router, boolean override) {
  public NeighbourAdvertisement {
    Objects.requireNonNull(linkAddress, "linkAddress");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if ((linkAddress.value() & 0x0100_0000_0000L) != 0) {
      throw new IllegalArgumentException("a group address cannot own an IP address: " + linkAddress);
    }
    if (source.isMulticastAddress() || source.isAnyLocalAddress()) {
      throw new IllegalArgumentException("source must be unicast: " + source.getHostAddress());
    }
    // RFC 4861 §7.1.2: a target that is a multicast address makes receivers drop the NA.
    if (target.isMulticastAddress()) {
      throw new IllegalArgumentException("target must not be multicast: " + target.getHostAddress());
    }
  }

  /** keepalived's NA for a VIP: from the VIP, about the VIP, override set, router clear. */
  public static NeighbourAdvertisement unsolicited(MacAddress linkAddress, Inet6Address vip) {
    return new NeighbourAdvertisement(linkAddress, vip, vip, false, true);
  }
}
