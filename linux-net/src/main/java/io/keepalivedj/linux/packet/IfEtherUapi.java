package io.keepalivedj.linux.packet;

/** Ethernet constants under their kernel names, from uapi/linux/if_ether.h. */
public final class IfEtherUapi {
  /** Octets in one Ethernet address. */
  public static final int ETH_ALEN = 6;
  /** Destination, source, EtherType. */
  public static final int ETH_HLEN = 14;

  /** Every protocol: what a capture socket asks for. */
  public static final int ETH_P_ALL = 0x0003;
  public static final int ETH_P_IP = 0x0800;
  public static final int ETH_P_ARP = 0x0806;
  public static final int ETH_P_IPV6 = 0x86dd;

  private IfEtherUapi() {
  }
}
