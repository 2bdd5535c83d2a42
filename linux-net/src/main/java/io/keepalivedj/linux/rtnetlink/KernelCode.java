package io.keepalivedj.linux.rtnetlink;

/**
 * A member of a closed set of kernel codes: RTN_*, FR_ACT_*, MACVLAN_MODE_*, IF_OPER_* (STYLE.md:
 * closed sets are enums with {@code code()}/{@code fromCode}; open registries such as RTPROT_* are
 * records of the raw value). The enums' {@code fromCode} look codes up here, so every decoder
 * rejects an unknown code with the same exception.
 */
interface KernelCode {
  /** The value the kernel uses on the wire. */
  int code();

  /**
   * The constant of {@code type} with this code.
   *
   * @param what the set, for the message: "an RTN_*"
   * @throws IllegalArgumentException when no constant has it (decoders map this to
   *     FIELD_OUT_OF_RANGE)
   */
  static <E extends Enum<E> & KernelCode> E fromCode(Class<E> type, int code, String what) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code() == code) {
        return constant;
      }
    }
    throw new IllegalArgumentException("not " + what + " value: " + code);
  }
}
