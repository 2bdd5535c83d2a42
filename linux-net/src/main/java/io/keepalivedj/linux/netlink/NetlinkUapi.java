package io.keepalivedj.linux.netlink;

/** Constants of uapi/linux/netlink.h under their kernel names. */
public final class NetlinkUapi {
  // Protocols (socket(AF_NETLINK, SOCK_RAW, protocol)).
  public static final int NETLINK_ROUTE = 0;
  public static final int NETLINK_GENERIC = 16;

  // struct nlmsghdr { __u32 nlmsg_len; __u16 nlmsg_type; __u16 nlmsg_flags; __u32 nlmsg_seq; __u32 nlmsg_pid; }
  public static final int NLMSG_HDRLEN = 16;
  public static final int NLMSG_ALIGNTO = 4;

  // Reserved message types (below NLMSG_MIN_TYPE).
  public static final int NLMSG_NOOP = 1;
  public static final int NLMSG_ERROR = 2;
  public static final int NLMSG_DONE = 3;
  public static final int NLMSG_OVERRUN = 4;
  public static final int NLMSG_MIN_TYPE = 0x10;

  // nlmsg_flags, standard.
  public static final int NLM_F_REQUEST = 0x01;
  public static final int NLM_F_MULTI = 0x02;
  public static final int NLM_F_ACK = 0x04;
  public static final int NLM_F_ECHO = 0x08;
  public static final int NLM_F_DUMP_INTR = 0x10;
  public static final int NLM_F_DUMP_FILTERED = 0x20;
  // Modifiers to GET requests.
  public static final int NLM_F_ROOT = 0x100;
  public static final int NLM_F_MATCH = 0x200;
  public static final int NLM_F_ATOMIC = 0x400;
  public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
  // Modifiers to NEW requests.
  public static final int NLM_F_REPLACE = 0x100;
  public static final int NLM_F_EXCL = 0x200;
  public static final int NLM_F_CREATE = 0x400;
  public static final int NLM_F_APPEND = 0x800;
  // Flags of NLMSG_ERROR acknowledgements.
  public static final int NLM_F_CAPPED = 0x100;
  public static final int NLM_F_ACK_TLVS = 0x200;

  // struct nlmsgerr { int error; struct nlmsghdr msg; } then TLVs when NLM_F_ACK_TLVS.
  public static final int NLMSGERR_ATTR_MSG = 1;
  public static final int NLMSGERR_ATTR_OFFS = 2;
  public static final int NLMSGERR_ATTR_COOKIE = 3;

  // struct nlattr { __u16 nla_len; __u16 nla_type; } and the two flag bits of nla_type.
  public static final int NLA_HDRLEN = 4;
  public static final int NLA_ALIGNTO = 4;
  public static final int NLA_F_NESTED = 1 << 15;
  public static final int NLA_F_NET_BYTEORDER = 1 << 14;
  public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

  // setsockopt(fd, SOL_NETLINK, ...)
  public static final int NETLINK_ADD_MEMBERSHIP = 1;
  public static final int NETLINK_DROP_MEMBERSHIP = 2;
  public static final int NETLINK_CAP_ACK = 10;
  public static final int NETLINK_EXT_ACK = 11;
  public static final int NETLINK_GET_STRICT_CHK = 12;

  // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
  public static final int SOCKADDR_NL_SIZE = 12;

  private NetlinkUapi() {
  }

  /** NLMSG_ALIGN / NLA_ALIGN: rounds up to the next multiple of 4. */
  public static int align(int length) {
    return (length + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
  }
}
