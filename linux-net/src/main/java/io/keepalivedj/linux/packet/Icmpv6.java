package io.keepalivedj.linux.packet;

/**
 * ICMPv6 neighbour discovery numbers under their kernel names: include/net/ndisc.h
 * (NDISC_*, ND_OPT_*), uapi/linux/icmpv6.h (the icmp6hdr flag bits), RFC 4861 §4.4 / §4.6.1.
 */
public final class Icmpv6 {
  public static final int NDISC_NEIGHBOUR_ADVERTISEMENT = 136;
  /** Target link-layer address option. */
  public static final int ND_OPT_TARGET_LL_ADDR = 2;
  /** The first byte after the checksum: R (router), S (solicited), O (override) bits. */
  public static final int ND_NA_FLAG_ROUTER = 0x80;
  public static final int ND_NA_FLAG_SOLICITED = 0x40;
  public static final int ND_NA_FLAG_OVERRIDE = 0x20;
  /** RFC 4861 §7.1.2: receivers drop neighbour discovery messages with another hop limit. */
  public static final int ND_HOP_LIMIT = 255;

  private Icmpv6() {
  }
}
