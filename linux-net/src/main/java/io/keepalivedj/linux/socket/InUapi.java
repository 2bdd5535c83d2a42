package io.keepalivedj.linux.socket;

/**
 * IPv4 socket constants under their kernel names, from uapi/linux/in.h (IPPROTO_*, IP_* options
 * at level SOL_IP, struct layouts), x86_64.
 */
public final class InUapi {
  public static final int IPPROTO_IP = 0;
  /**
   * VRRP's IP protocol number (IANA; RFC 3768 §5.2.4, RFC 5798 §5.1.1.4). Neither the kernel nor
   * glibc names it; keepalived defines IPPROTO_VRRP 112 in vrrp.h.
   */
  public static final int IPPROTO_VRRP = 112;

  public static final int IP_TOS = 1;
  public static final int IP_TTL = 2;
  public static final int IP_HDRINCL = 3;
  public static final int IP_PKTINFO = 8;
  /** Ask for the received TTL; it arrives as a cmsg of type IP_TTL holding an int. */
  public static final int IP_RECVTTL = 12;
  public static final int IP_MULTICAST_IF = 32;
  public static final int IP_MULTICAST_TTL = 33;
  public static final int IP_MULTICAST_LOOP = 34;
  public static final int IP_ADD_MEMBERSHIP = 35;
  public static final int IP_DROP_MEMBERSHIP = 36;
  /** 0: deliver only groups this socket joined, not every group joined on the host (2.6.31). */
  public static final int IP_MULTICAST_ALL = 49;

  /** IPTOS_PREC_INTERNETCONTROL (uapi/linux/ip.h): the TOS keepalived puts on adverts. */
  public static final int IPTOS_PREC_INTERNETCONTROL = 0xc0;

  /** struct sockaddr_in { u16 sin_family; be16 sin_port; be32 sin_addr; u8 sin_zero[8]; } */
  public static final int SOCKADDR_IN_SIZE = 16;
  /** struct ip_mreqn { be32 imr_multiaddr; be32 imr_address; int imr_ifindex; } */
  public static final int IP_MREQN_SIZE = 12;
  /** struct in_pktinfo { int ipi_ifindex; be32 ipi_spec_dst; be32 ipi_addr; } */
  public static final int IN_PKTINFO_SIZE = 12;

  private InUapi() {
  }
}
