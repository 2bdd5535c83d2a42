package io.keepalivedj.linux.socket;

/**
 * IPv6 socket constants under their kernel names, from uapi/linux/in6.h and uapi/linux/ipv6.h
 * (IPV6_* options at level SOL_IPV6, struct layouts), x86_64. RFC 3542 names the ancillary data.
 */
public final class In6Uapi {
  public static final int IPPROTO_IPV6 = 41;
  public static final int IPPROTO_ICMPV6 = 58;

  /** The kernel computes (send) and verifies (receive) a checksum at this payload offset. */
  public static final int IPV6_CHECKSUM = 7;
  public static final int IPV6_UNICAST_HOPS = 16;
  public static final int IPV6_MULTICAST_IF = 17;
  public static final int IPV6_MULTICAST_HOPS = 18;
  public static final int IPV6_MULTICAST_LOOP = 19;
  /** glibc's IPV6_JOIN_GROUP is this value. */
  public static final int IPV6_ADD_MEMBERSHIP = 20;
  /** glibc's IPV6_LEAVE_GROUP is this value. */
  public static final int IPV6_DROP_MEMBERSHIP = 21;
  /** 0: deliver only groups this socket joined (Linux 4.20; older kernels: ENOPROTOOPT). */
  public static final int IPV6_MULTICAST_ALL = 29;
  public static final int IPV6_RECVPKTINFO = 49;
  /** cmsg type of the struct in6_pktinfo received (and accepted on send). */
  public static final int IPV6_PKTINFO = 50;
  public static final int IPV6_RECVHOPLIMIT = 51;
  /** cmsg type of the received hop limit, an int. */
  public static final int IPV6_HOPLIMIT = 52;
  public static final int IPV6_TCLASS = 67;

  /**
   * struct sockaddr_in6 { u16 sin6_family; be16 sin6_port; be32 sin6_flowinfo;
   * struct in6_addr sin6_addr; u32 sin6_scope_id; }
   */
  public static final int SOCKADDR_IN6_SIZE = 28;
  /** struct ipv6_mreq { struct in6_addr ipv6mr_multiaddr; int ipv6mr_ifindex; } */
  public static final int IPV6_MREQ_SIZE = 20;
  /** struct in6_pktinfo { struct in6_addr ipi6_addr; int ipi6_ifindex; } */
  public static final int IN6_PKTINFO_SIZE = 20;

  private In6Uapi() {
  }
}
