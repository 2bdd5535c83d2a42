package io.keepalivedj.linux.packet;

import java.nio.ByteBuffer;

/**
 * Encodes a {@link GratuitousArp}. Pure. Layout, 42 bytes (veth and this code add no padding to
 * Ethernet's 60-byte minimum; NICs pad in hardware):
 *
 * <pre>
 *  0 dst ff:ff:ff:ff:ff:ff   6 src = sender MAC   12 type 0x0806 (ETH_P_ARP)
 * 14 ar_hrd 1 (ARPHRD_ETHER)  16 ar_pro 0x0800  18 ar_hln 6  19 ar_pln 4  20 ar_op 1 (request)
 * 22 sender MAC  28 sender IP = VIP  32 target MAC ff:ff:ff:ff:ff:ff  38 target IP = VIP
 * </pre>
 */
public final class GratuitousArpCodec {
  public static final int FRAME_SIZE = IfEtherUapi.ETH_HLEN + IfArpUapi.ARP_ETHER_IPV4_SIZE;

  private GratuitousArpCodec() {
  }

  /** The whole Ethernet frame, for a SOCK_RAW packet socket; position 0. */
  public static ByteBuffer encode(GratuitousArp arp) {
    ByteBuffer frame = ByteBuffer.allocate(FRAME_SIZE);
    frame.put(MacAddress.BROADCAST.bytes());
    frame.put(arp.hardwareAddress().bytes());
    frame.putShort((short) IfEtherUapi.ETH_P_ARP);
    frame.put(encodeArp(arp));
    return frame.flip();
  }

  /** The ARP packet alone (28 bytes), for a SOCK_DGRAM packet socket sending to broadcast. */
  public static ByteBuffer encodeArp(GratuitousArp arp) {
    ByteBuffer packet = ByteBuffer.allocate(IfArpUapi.ARP_ETHER_IPV4_SIZE);
    packet.putShort((short) IfArpUapi.ARPHRD_ETHER);
    packet.putShort((short) IfEtherUapi.ETH_P_IP);
    packet.put((byte) IfEtherUapi.ETH_ALEN);
    packet.put((byte) 4);
    packet.putShort((short) IfArpUapi.ARPOP_REQUEST);
    packet.put(arp.hardwareAddress().bytes());
    packet.put(arp.address().getAddress());
    packet.put(MacAddress.BROADCAST.bytes());
    packet.put(arp.address().getAddress());
    return packet.flip();
  }
}
