package io.keepalivedj.linux.rtnetlink;

/** What a matching rule does: FR_ACT_* in uapi/linux/fib_rules.h (a closed kernel set). */
public enum RuleAction implements KernelCode {
  /** {@code lookup TABLE}: look the destination up in a table. */
  TO_TABLE(FibRulesUapi.FR_ACT_TO_TBL, "lookup"),
  /** {@code goto PRIORITY}: continue at another rule. */
  GOTO(FibRulesUapi.FR_ACT_GOTO, "goto"),
  /** {@code nop}: do nothing (matching stops here only for counting). */
  NOP(FibRulesUapi.FR_ACT_NOP, "nop"),
  BLACKHOLE(FibRulesUapi.FR_ACT_BLACKHOLE, "blackhole"),
  UNREACHABLE(FibRulesUapi.FR_ACT_UNREACHABLE, "unreachable"),
  PROHIBIT(FibRulesUapi.FR_ACT_PROHIBIT, "prohibit");

  private final int code;
  private final String ipName;

  RuleAction(int code, String ipName) {
    this.code = code;
    this.ipName = ipName;
  }

  @Override
  public int code() {
    return code;
  }

  /** The word ip rule uses. */
  public String ipName() {
    return ipName;
  }

  /** The action for an FR_ACT_* value; throws for FR_ACT_UNSPEC, the reserved 4-5 and unknowns. */
  public static RuleAction fromCode(int code) {
    return KernelCode.fromCode(RuleAction.class, code, "an FR_ACT_*");
  }
}
