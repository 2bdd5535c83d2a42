package io.keepalivedj.linux.packet;

import io.keepalivedj.linux.socket.In6Uapi;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Encodes a {@link NeighbourAdvertisement}. Pure. Layout, 86 bytes:
 *
 * <pre>
 *  0 Ethernet: dst 33:33:00:00:00:01, src = link address, type 0x86dd
 * 14 IPv6 (RFC 8200 §3): 0x60000000 (version 6, traffic class 0, flow label 0),
 *    payload length 32, next header 58, hop limit 255, source, destination ff02::1
 * 54 ICMPv6 (RFC 4861 §4.4): type 136, code 0, checksum (RFC 4443 §2.3, pseudo-header),
 *    R|S|O flags and 29 reserved bits, target address (16 bytes)
 * 78 option (RFC 4861 §4.6.1): type 2 (target link-layer address), length 1 (x 8 bytes), MAC
 * </pre>
 */
public final class NeighbourAdvertisementCodec {
  /** ff02::1, the link-scope all-nodes group (RFC 4291 §2.7.1). */
  public static final Inet6Address ALL_NODES = ipv6("ff02::1");
  public static final int IPV6_HEADER_SIZE = 40;
  /** Header, target, one 8-byte option. */
  public static final int ICMPV6_SIZE = 8 + 16 + 8;
  public static final int PACKET_SIZE = IPV6_HEADER_SIZE + ICMPV6_SIZE;
  public static final int FRAME_SIZE = IfEtherUapi.ETH_HLEN + PACKET_SIZE;

  private NeighbourAdvertisementCodec() {
  }

  /** The whole Ethernet frame, for a SOCK_RAW packet socket; position 0. */
  public static ByteBuffer encode(NeighbourAdvertisement na) {
    ByteBuffer frame = ByteBuffer.allocate(FRAME_SIZE);
    frame.put(MacAddress.IPV6_ALL_NODES.bytes());
    frame.put(na.linkAddress().bytes());
    frame.putShort((short) IfEtherUapi.ETH_P_IPV6);
    frame.put(encodePacket(na));
    return frame.flip();
  }

  /** The IPv6 packet alone (72 bytes), for a SOCK_DGRAM packet socket sending to 33:33:00:00:00:01. */
  public static ByteBuffer encodePacket(NeighbourAdvertisement na) {
    ByteBuffer icmp = encodeIcmpv6(na);
    ByteBuffer packet = ByteBuffer.allocate(PACKET_SIZE);
    packet.putInt(0x6000_0000);
    packet.putShort((short) ICMPV6_SIZE);
    packet.put((byte) In6Uapi.IPPROTO_ICMPV6);
    packet.put((byte) Icmpv6.ND_HOP_LIMIT);
    packet.put(na.source().getAddress());
    packet.put(ALL_NODES.getAddress());
    packet.put(icmp);
    return packet.flip();
  }

  /** The ICMPv6 message alone (32 bytes), checksum filled for source to ff02::1. */
  public static ByteBuffer encodeIcmpv6(NeighbourAdvertisement na) {
    ByteBuffer icmp = ByteBuffer.allocate(ICMPV6_SIZE);
    icmp.put((byte) Icmpv6.NDISC_NEIGHBOUR_ADVERTISEMENT);
    icmp.put((byte) 0);
    icmp.putShort((short) 0); // checksum, filled below
    int flags = (na.router() ? Icmpv6.ND_NA_FLAG_ROUTER : 0) | (na.override() ? Icmpv6.ND_NA_FLAG_OVERRIDE : 0);
    icmp.put((byte) flags).put((byte) 0).putShort((short) 0);
    icmp.put(na.target().getAddress());
    icmp.put((byte) Icmpv6.ND_OPT_TARGET_LL_ADDR);
    icmp.put((byte) 1);
    icmp.put(na.linkAddress().bytes());
    icmp.flip();
    int checksum = InternetChecksum.ipv6(na.source(), ALL_NODES, In6Uapi.IPPROTO_ICMPV6, icmp);
    icmp.putShort(2, (short) checksum);
    return icmp;
  }

  private static Inet6Address ipv6(String literal) {
    try {
      return (Inet6Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
