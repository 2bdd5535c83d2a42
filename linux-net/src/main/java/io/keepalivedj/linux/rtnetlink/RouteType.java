package io.keepalivedj.linux.rtnetlink;

/**
 * rtm_type, RTN_* in uapi/linux/rtnetlink.h: a closed kernel set (RTN_MAX). keepalived's
 * virtual_routes use unicast and the "drop" types blackhole, unreachable, prohibit and throw.
 */
public enum RouteType implements KernelCode {
  UNSPEC(RtnetlinkUapi.RTN_UNSPEC, "none"),
  UNICAST(RtnetlinkUapi.RTN_UNICAST, "unicast"),
  LOCAL(RtnetlinkUapi.RTN_LOCAL, "local"),
  BROADCAST(RtnetlinkUapi.RTN_BROADCAST, "broadcast"),
  ANYCAST(RtnetlinkUapi.RTN_ANYCAST, "anycast"),
  MULTICAST(RtnetlinkUapi.RTN_MULTICAST, "multicast"),
  /** Drops silently. */
  BLACKHOLE(RtnetlinkUapi.RTN_BLACKHOLE, "blackhole"),
  /** Drops, answering ICMP host unreachable (the sender sees EHOSTUNREACH). */
  UNREACHABLE(RtnetlinkUapi.RTN_UNREACHABLE, "unreachable"),
  /** Drops, answering ICMP administratively prohibited (EACCES). */
  PROHIBIT(RtnetlinkUapi.RTN_PROHIBIT, "prohibit"),
  /** Ends the lookup in this table, so policy routing tries the next rule. */
  THROW(RtnetlinkUapi.RTN_THROW, "throw"),
  NAT(RtnetlinkUapi.RTN_NAT, "nat"),
  XRESOLVE(RtnetlinkUapi.RTN_XRESOLVE, "xresolve");

  private final int code;
  private final String ipName;

  RouteType(int code, String ipName) {
    this.code = code;
    this.ipName = ipName;
  }

  @Override
  public int code() {
    return code;
  }

  /** The word ip(8) uses: "unicast", "blackhole"... */
  public String ipName() {
    return ipName;
  }

  /** The type for an RTN_* value; throws outside 0-11. */
  public static RouteType fromCode(int code) {
    return KernelCode.fromCode(RouteType.class, code, "an RTN_*");
  }
}
