package io.keepalivedj.linux.rtnetlink;

/** Policy-routing rule constants of uapi/linux/fib_rules.h under their kernel names. */
public final class FibRulesUapi {
  // struct fib_rule_hdr { u8 family; u8 dst_len; u8 src_len; u8 tos; u8 table; u8 res1; u8 res2;
  //                       u8 action; u32 flags; }
  public static final int FIB_RULE_HDR_SIZE = 12;

  public static final int FRA_DST = 1;
  public static final int FRA_SRC = 2;
  /** FRA_IIFNAME, also spelled FRA_IFNAME. */
  public static final int FRA_IIFNAME = 3;
  public static final int FRA_GOTO = 4;
  public static final int FRA_PRIORITY = 6;
  public static final int FRA_FWMARK = 10;
  public static final int FRA_FLOW = 11;
  public static final int FRA_TUN_ID = 12;
  public static final int FRA_SUPPRESS_IFGROUP = 13;
  public static final int FRA_SUPPRESS_PREFIXLEN = 14;
  public static final int FRA_TABLE = 15;
  public static final int FRA_FWMASK = 16;
  public static final int FRA_OIFNAME = 17;
  public static final int FRA_L3MDEV = 19;
  public static final int FRA_UID_RANGE = 20;
  public static final int FRA_PROTOCOL = 21;
  public static final int FRA_IP_PROTO = 22;
  public static final int FRA_SPORT_RANGE = 23;
  public static final int FRA_DPORT_RANGE = 24;

  // enum { FR_ACT_UNSPEC, FR_ACT_TO_TBL, FR_ACT_GOTO, FR_ACT_NOP, FR_ACT_RES3, FR_ACT_RES4,
  //        FR_ACT_BLACKHOLE, FR_ACT_UNREACHABLE, FR_ACT_PROHIBIT }
  public static final int FR_ACT_UNSPEC = 0;
  public static final int FR_ACT_TO_TBL = 1;
  public static final int FR_ACT_GOTO = 2;
  public static final int FR_ACT_NOP = 3;
  public static final int FR_ACT_BLACKHOLE = 6;
  public static final int FR_ACT_UNREACHABLE = 7;
  public static final int FR_ACT_PROHIBIT = 8;

  /** fib_rule_hdr.flags: the rule matches when its selectors do not ({@code ip rule add not ...}). */
  public static final int FIB_RULE_INVERT = 0x2;

  private FibRulesUapi() {
  }
}
