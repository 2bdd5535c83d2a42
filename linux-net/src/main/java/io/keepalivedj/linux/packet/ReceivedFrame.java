package io.keepalivedj.linux.packet;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One frame a {@link PacketSocket} received.
 *
 * @param data           SOCK_RAW: the whole frame from the Ethernet header on; SOCK_DGRAM: the
 *                       payload after it. A read-only buffer of its own.
 * @param interfaceIndex sll_ifindex, the interface it came in on
 * @param protocol       sll_protocol, the EtherType (ETH_P_ARP, ETH_P_IPV6...)
 * @param packetType     sll_pkttype: PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST...
 * @param source         sll_addr, the link-layer source
 */
public record ReceivedFrame(ByteBuffer data, int interfaceIndex, int protocol, int packetType,
    MacAddress source) {
  public ReceivedFrame {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(source, "source");
    if (interfaceIndex <= 0) {
      throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
    }
    if (protocol < 0 || protocol > 0xffff) {
      throw new IllegalArgumentException("EtherType out of 16 bits: " + protocol);
    }
    if (packetType < 0 || packetType > 255) {
      throw new IllegalArgumentException("packet type out of 8 bits: " + packetType);
    }
    ByteBuffer copy = ByteBuffer.allocate(data.remaining());
    copy.put(data.duplicate()).flip();
    data = copy.asReadOnlyBuffer();
  }

  /** The bytes, position 0, in a read-only view of its own. */
  @Override
  public ByteBuffer data() {
    return data.duplicate();
  }
}
