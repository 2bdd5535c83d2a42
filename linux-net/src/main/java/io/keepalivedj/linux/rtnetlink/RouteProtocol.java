package io.keepalivedj.linux.rtnetlink;

/**
 * Who installed a route or rule (rtm_protocol, FRA_PROTOCOL; RTPROT_* in uapi/linux/rtnetlink.h).
 * An open registry (/etc/iproute2/rt_protos names more; the kernel does not interpret values
 * from RTPROT_STATIC up), so the raw value is kept and unknown ones round-trip.
 */
public record RouteProtocol(int code) {
  /** For a delete or a rule: any protocol. */
  public static final RouteProtocol UNSPEC = new RouteProtocol(RtnetlinkUapi.RTPROT_UNSPEC);
  public static final RouteProtocol REDIRECT = new RouteProtocol(RtnetlinkUapi.RTPROT_REDIRECT);
  /** Installed by the kernel (connected and local routes). */
  public static final RouteProtocol KERNEL = new RouteProtocol(RtnetlinkUapi.RTPROT_KERNEL);
  /** ip route add's default. */
  public static final RouteProtocol BOOT = new RouteProtocol(RtnetlinkUapi.RTPROT_BOOT);
  public static final RouteProtocol STATIC = new RouteProtocol(RtnetlinkUapi.RTPROT_STATIC);
  public static final RouteProtocol DHCP = new RouteProtocol(RtnetlinkUapi.RTPROT_DHCP);
  /** keepalived's own mark ("proto keepalived"). */
  public static final RouteProtocol KEEPALIVED = new RouteProtocol(RtnetlinkUapi.RTPROT_KEEPALIVED);

  public RouteProtocol {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("protocol is a u8: " + code);
    }
  }

  /** The name ip(8) prints, or the number. */
  @Override
  public String toString() {
    return switch (code) {
      case RtnetlinkUapi.RTPROT_UNSPEC -> "unspec";
      case RtnetlinkUapi.RTPROT_REDIRECT -> "redirect";
      case RtnetlinkUapi.RTPROT_KERNEL -> "kernel";
      case RtnetlinkUapi.RTPROT_BOOT -> "boot";
      case RtnetlinkUapi.RTPROT_STATIC -> "static";
      case RtnetlinkUapi.RTPROT_DHCP -> "dhcp";
      case RtnetlinkUapi.RTPROT_KEEPALIVED -> "keepalived";
      default -> Integer.toString(code);
    };
  }
}
