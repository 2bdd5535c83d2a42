package io.keepalivedj.linux.packet;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Objects;

/**
 * A gratuitous ARP announcing that {@code address} now lives at {@code hardwareAddress}, as
 * keepalived sends on becoming master (vrrp_arp.c send_gratuitous_arp): an ARP request
 * (RFC 826) broadcast from {@code hardwareAddress}, sender and target protocol address both the
 * VIP (the ARP Announcement of RFC 5227 §2.3, RFC 5944 §4.6), and target hardware address
 * ff:ff:ff:ff:ff:ff where RFC 5227 would have zeros: keepalived's choice, kept for identical
 * bytes. {@link GratuitousArpCodec} encodes it.
 */
public record GratuitousArp(MacAddress hardwareAddress, Inet4Address address) {
  public GratuitousArp {
    Objects.requireNonNull(hardwareAddress, "hardwareAddress");
    Objects.requireNonNull(address, "address");
    if ((hardwareAddress.value() & 0x0100_0000_0000L) != 0) {
      throw new IllegalArgumentException("a group address cannot own an IP address: " + hardwareAddress);
    }
    if (address.isMulticastAddress() || address.isAnyLocalAddress()
        || Arrays.equals(address.getAddress(), new byte[] {-1, -1, -1, -1})) {
      throw new IllegalArgumentException("not a unicast address: " + address.getHostAddress());
    }
  }
}
