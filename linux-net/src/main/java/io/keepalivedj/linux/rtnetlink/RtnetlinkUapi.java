package io.keepalivedj.linux.rtnetlink;

/**
 * rtnetlink constants under their kernel names: uapi/linux/rtnetlink.h (RTM_*, RT_SCOPE_*,
 * RTEXT_FILTER_*), uapi/linux/if_link.h (IFLA_*), uapi/linux/if_addr.h (IFA_*, IFA_F_*),
 * uapi/linux/if.h (IFF_*, IF_OPER_*).
 */
public final class RtnetlinkUapi {
  public static final int RTM_NEWLINK = 16;
  public static final int RTM_DELLINK = 17;
  public static final int RTM_GETLINK = 18;
  public static final int RTM_NEWADDR = 20;
  public static final int RTM_DELADDR = 21;
  public static final int RTM_GETADDR = 22;

  // struct ifinfomsg { u8 ifi_family; u8 pad; u16 ifi_type; s32 ifi_index; u32 ifi_flags; u32 ifi_change; }
  public static final int IFINFOMSG_SIZE = 16;
  // struct ifaddrmsg { u8 ifa_family; u8 ifa_prefixlen; u8 ifa_flags; u8 ifa_scope; u32 ifa_index; }
  public static final int IFADDRMSG_SIZE = 8;

  public static final int IFLA_ADDRESS = 1;
  public static final int IFLA_BROADCAST = 2;
  public static final int IFLA_IFNAME = 3;
  public static final int IFLA_MTU = 4;
  public static final int IFLA_LINK = 5;
  public static final int IFLA_OPERSTATE = 16;
  public static final int IFLA_EXT_MASK = 29;

  public static final int RTEXT_FILTER_VF = 1 << 0;
  public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

  public static final int IFA_ADDRESS = 1;
  public static final int IFA_LOCAL = 2;
  public static final int IFA_LABEL = 3;
  public static final int IFA_BROADCAST = 4;
  public static final int IFA_ANYCAST = 5;
  public static final int IFA_CACHEINFO = 6;
  public static final int IFA_MULTICAST = 7;
  public static final int IFA_FLAGS = 8;

  public static final int IFA_F_SECONDARY = 0x01;
  public static final int IFA_F_NODAD = 0x02;
  public static final int IFA_F_OPTIMISTIC = 0x04;
  public static final int IFA_F_DADFAILED = 0x08;
  public static final int IFA_F_HOMEADDRESS = 0x10;
  public static final int IFA_F_DEPRECATED = 0x20;
  public static final int IFA_F_TENTATIVE = 0x40;
  public static final int IFA_F_PERMANENT = 0x80;
  public static final int IFA_F_MANAGETEMPADDR = 0x100;
  public static final int IFA_F_NOPREFIXROUTE = 0x200;

  public static final int RT_SCOPE_UNIVERSE = 0;
  public static final int RT_SCOPE_SITE = 200;
  public static final int RT_SCOPE_LINK = 253;
  public static final int RT_SCOPE_HOST = 254;
  public static final int RT_SCOPE_NOWHERE = 255;

  public static final int IFF_UP = 0x1;
  public static final int IFF_BROADCAST = 0x2;
  public static final int IFF_LOOPBACK = 0x8;
  public static final int IFF_POINTOPOINT = 0x10;
  public static final int IFF_RUNNING = 0x40;
  public static final int IFF_NOARP = 0x80;
  public static final int IFF_MULTICAST = 0x1000;
  public static final int IFF_LOWER_UP = 0x10000;

  /** IFNAMSIZ - 1: the longest interface name or address label. */
  public static final int IFNAMSIZ_CHARS = 15;

  private RtnetlinkUapi() {
  }
}
