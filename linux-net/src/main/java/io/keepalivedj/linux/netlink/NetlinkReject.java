package io.keepalivedj.linux.netlink;

/** Why a netlink datagram, message or attribute was rejected; a counter label. */
public enum NetlinkReject {
  /** Fewer bytes than a struct nlmsghdr. */
  MESSAGE_HEADER_TRUNCATED,
  /** nlmsg_len below the header length. */
  MESSAGE_LENGTH_TOO_SHORT,
  /** nlmsg_len beyond the datagram. */
  MESSAGE_LENGTH_BEYOND_DATAGRAM,
  /** The family header (ifaddrmsg, nlmsgerr, genlmsghdr...) is longer than the payload. */
  FAMILY_HEADER_TRUNCATED,
  /** Fewer bytes than a struct nlattr where an attribute should start. */
  ATTRIBUTE_HEADER_TRUNCATED,
  /** nla_len below the attribute header length. */
  ATTRIBUTE_LENGTH_TOO_SHORT,
  /** nla_len beyond the enclosing message or nest. */
  ATTRIBUTE_LENGTH_BEYOND_PARENT,
  /** The value's size does not fit the attribute's type (a u32 of 3 bytes...). */
  ATTRIBUTE_VALUE_SIZE,
  /** A string attribute without its terminating NUL. */
  STRING_NOT_TERMINATED,
  /** A required attribute is absent. */
  ATTRIBUTE_MISSING,
  /** A field holds a value outside its defined range (a prefix length of 200...). */
  FIELD_OUT_OF_RANGE,
  /** The message type is not the one this decoder handles. */
  UNEXPECTED_MESSAGE_TYPE,
  /**
   * Well-formed, but it uses a feature the record cannot represent (a multipath route, a rule
   * with a uid range...): decoding it would misstate it, so it is not decoded.
   */
  UNSUPPORTED_FEATURE
}
