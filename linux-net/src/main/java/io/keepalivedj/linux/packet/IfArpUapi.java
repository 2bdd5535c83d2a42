package io.keepalivedj.linux.packet;

/** ARP constants under their kernel names, from uapi/linux/if_arp.h (RFC 826). */
public final class IfArpUapi {
  /** ar_hrd of Ethernet (10 Mb and up). */
  public static final int ARPHRD_ETHER = 1;
  public static final int ARPOP_REQUEST = 1;
  public static final int ARPOP_REPLY = 2;
  /** struct arphdr (8 bytes) plus Ethernet/IPv4 addresses: 6 + 4 + 6 + 4. */
  public static final int ARP_ETHER_IPV4_SIZE = 28;

  private IfArpUapi() {
  }
}
