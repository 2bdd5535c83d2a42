package io.keepalivedj.linux.rtnetlink;

/** RFC 2863 operational status, IF_OPER_* in uapi/linux/if.h (IFLA_OPERSTATE). */
public enum OperState implements KernelCode {
  UNKNOWN(0), NOTPRESENT(1), DOWN(2), LOWERLAYERDOWN(3), TESTING(4), DORMANT(5), UP(6);

  private final int code;

  OperState(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  /** The state for an IF_OPER_* value; throws for values outside RFC 2863's set. */
  public static OperState fromCode(int code) {
    return KernelCode.fromCode(OperState.class, code, "an IF_OPER_*");
  }
}
