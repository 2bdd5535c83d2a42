package io.keepalivedj.linux.rtnetlink;

/**
 * rtnetlink constants under their kernel names: uapi/linux/rtnetlink.h (RTM_*, RTNLGRP_*,
 * RTA_*, RTN_*, RTPROT_*, RT_SCOPE_*, RT_TABLE_*, RTEXT_FILTER_*), uapi/linux/if_link.h (IFLA_*,
 * IFLA_INFO_*, IFLA_MACVLAN_*, MACVLAN_MODE_*), uapi/linux/if_addr.h (IFA_*, IFA_F_*),
 * uapi/linux/if.h (IFF_*, IF_OPER_*). Policy-routing rules are in {@link FibRulesUapi}.
 */
public final class RtnetlinkUapi {
  public static final int RTM_NEWLINK = 16;
  public static final int RTM_DELLINK = 17;
  public static final int RTM_GETLINK = 18;
  public static final int RTM_NEWADDR = 20;
  public static final int RTM_DELADDR = 21;
  public static final int RTM_GETADDR = 22;
  public static final int RTM_NEWROUTE = 24;
  public static final int RTM_DELROUTE = 25;
  public static final int RTM_GETROUTE = 26;
  public static final int RTM_NEWRULE = 32;
  public static final int RTM_DELRULE = 33;
  public static final int RTM_GETRULE = 34;

  // enum rtnetlink_groups: multicast groups for NETLINK_ADD_MEMBERSHIP (not the RTMGRP_* bit masks
  // of the legacy nl_groups bind field).
  public static final int RTNLGRP_LINK = 1;
  public static final int RTNLGRP_IPV4_IFADDR = 5;
  public static final int RTNLGRP_IPV4_ROUTE = 7;
  public static final int RTNLGRP_IPV4_RULE = 8;
  public static final int RTNLGRP_IPV6_IFADDR = 9;
  public static final int RTNLGRP_IPV6_ROUTE = 11;
  public static final int RTNLGRP_IPV6_RULE = 19;

  // struct ifinfomsg { u8 ifi_family; u8 pad; u16 ifi_type; s32 ifi_index; u32 ifi_flags; u32 ifi_change; }
  public static final int IFINFOMSG_SIZE = 16;
  // struct ifaddrmsg { u8 ifa_family; u8 ifa_prefixlen; u8 ifa_flags; u8 ifa_scope; u32 ifa_index; }
  public static final int IFADDRMSG_SIZE = 8;
  // struct rtmsg { u8 rtm_family; u8 rtm_dst_len; u8 rtm_src_len; u8 rtm_tos; u8 rtm_table;
  //                u8 rtm_protocol; u8 rtm_scope; u8 rtm_type; u32 rtm_flags; }
  public static final int RTMSG_SIZE = 12;

  // enum rtattr_type_t
  public static final int RTA_DST = 1;
  public static final int RTA_SRC = 2;
  public static final int RTA_IIF = 3;
  public static final int RTA_OIF = 4;
  public static final int RTA_GATEWAY = 5;
  public static final int RTA_PRIORITY = 6;
  public static final int RTA_PREFSRC = 7;
  public static final int RTA_METRICS = 8;
  public static final int RTA_MULTIPATH = 9;
  public static final int RTA_FLOW = 11;
  public static final int RTA_CACHEINFO = 12;
  public static final int RTA_TABLE = 15;
  public static final int RTA_MARK = 16;
  public static final int RTA_VIA = 18;
  public static final int RTA_PREF = 20;
  public static final int RTA_ENCAP_TYPE = 21;
  public static final int RTA_ENCAP = 22;
  public static final int RTA_EXPIRES = 23;
  public static final int RTA_NH_ID = 30;

  // rtm_type: enum { RTN_UNSPEC, RTN_UNICAST, ... }
  public static final int RTN_UNSPEC = 0;
  public static final int RTN_UNICAST = 1;
  public static final int RTN_LOCAL = 2;
  public static final int RTN_BROADCAST = 3;
  public static final int RTN_ANYCAST = 4;
  public static final int RTN_MULTICAST = 5;
  public static final int RTN_BLACKHOLE = 6;
  public static final int RTN_UNREACHABLE = 7;
  public static final int RTN_PROHIBIT = 8;
  public static final int RTN_THROW = 9;
  public static final int RTN_NAT = 10;
  public static final int RTN_XRESOLVE = 11;

  // rtm_protocol (values from RTPROT_STATIC up are not interpreted by the kernel)
  public static final int RTPROT_UNSPEC = 0;
  public static final int RTPROT_REDIRECT = 1;
  public static final int RTPROT_KERNEL = 2;
  public static final int RTPROT_BOOT = 3;
  public static final int RTPROT_STATIC = 4;
  public static final int RTPROT_RA = 9;
  public static final int RTPROT_DHCP = 16;
  public static final int RTPROT_KEEPALIVED = 18;

  // enum rt_class_t: reserved table ids; ids above 255 travel in RTA_TABLE / FRA_TABLE.
  public static final int RT_TABLE_UNSPEC = 0;
  public static final int RT_TABLE_COMPAT = 252;
  public static final int RT_TABLE_DEFAULT = 253;
  public static final int RT_TABLE_MAIN = 254;
  public static final int RT_TABLE_LOCAL = 255;

  // rtm_flags
  public static final int RTM_F_CLONED = 0x200;

  public static final int IFLA_ADDRESS = 1;
  public static final int IFLA_BROADCAST = 2;
  public static final int IFLA_IFNAME = 3;
  public static final int IFLA_MTU = 4;
  public static final int IFLA_LINK = 5;
  public static final int IFLA_OPERSTATE = 16;
  public static final int IFLA_LINKINFO = 18;
  public static final int IFLA_EXT_MASK = 29;

  // IFLA_LINKINFO nest: enum { IFLA_INFO_UNSPEC, IFLA_INFO_KIND, IFLA_INFO_DATA, ... }
  public static final int IFLA_INFO_KIND = 1;
  public static final int IFLA_INFO_DATA = 2;

  // IFLA_INFO_DATA of kind "macvlan": enum { IFLA_MACVLAN_UNSPEC, IFLA_MACVLAN_MODE, ... }
  public static final int IFLA_MACVLAN_MODE = 1;
  public static final int IFLA_MACVLAN_FLAGS = 2;

  // enum macvlan_mode
  public static final int MACVLAN_MODE_PRIVATE = 1;
  public static final int MACVLAN_MODE_VEPA = 2;
  public static final int MACVLAN_MODE_BRIDGE = 4;
  public static final int MACVLAN_MODE_PASSTHRU = 8;
  public static final int MACVLAN_MODE_SOURCE = 16;

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
