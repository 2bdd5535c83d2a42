package io.keepalivedj.linux.rtnetlink;

/**
 * An address scope (ifa_scope; rtnetlink.h enum rt_scope_t). An open registry
 * (/etc/iproute2/rt_scopes may name more), so the raw value is kept and unknown ones round-trip.
 */
public record AddressScope(int code) {
  public static final AddressScope UNIVERSE = new AddressScope(RtnetlinkUapi.RT_SCOPE_UNIVERSE);
  public static final AddressScope SITE = new AddressScope(RtnetlinkUapi.RT_SCOPE_SITE);
  public static final AddressScope LINK = new AddressScope(RtnetlinkUapi.RT_SCOPE_LINK);
  public static final AddressScope HOST = new AddressScope(RtnetlinkUapi.RT_SCOPE_HOST);
  public static final AddressScope NOWHERE = new AddressScope(RtnetlinkUapi.RT_SCOPE_NOWHERE);

  public AddressScope {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("scope is a u8: " + code);
    }
  }

  /** The name ip(8) prints ("global" for universe), or the number. */
  @Override
  public String toString() {
    return switch (code) {
      case RtnetlinkUapi.RT_SCOPE_UNIVERSE -> "global";
      case RtnetlinkUapi.RT_SCOPE_SITE -> "site";
      case RtnetlinkUapi.RT_SCOPE_LINK -> "link";
      case RtnetlinkUapi.RT_SCOPE_HOST -> "host";
      case RtnetlinkUapi.RT_SCOPE_NOWHERE -> "nowhere";
      default -> Integer.toString(code);
    };
  }
}
