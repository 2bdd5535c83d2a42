package io.keepalivedj.linux.packet;

/** AF_PACKET constants under their kernel names, from uapi/linux/if_packet.h, x86_64. */
public final class IfPacketUapi {
  /**
   * struct sockaddr_ll { u16 sll_family; be16 sll_protocol; int sll_ifindex; u16 sll_hatype;
   * u8 sll_pkttype; u8 sll_halen; u8 sll_addr[8]; }
   */
  public static final int SOCKADDR_LL_SIZE = 20;

  /** sll_pkttype values: to us, broadcast, multicast, to someone else, sent by us. */
  public static final int PACKET_HOST = 0;
  public static final int PACKET_BROADCAST = 1;
  public static final int PACKET_MULTICAST = 2;
  public static final int PACKET_OTHERHOST = 3;
  public static final int PACKET_OUTGOING = 4;

  /** SOL_PACKET option: don't deliver frames this host sends (Linux 4.20). */
  public static final int PACKET_IGNORE_OUTGOING = 23;

  private IfPacketUapi() {
  }
}
