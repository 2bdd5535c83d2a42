package io.keepalivedj.linux.packet;

import java.net.StandardProtocolFamily;
import java.util.Optional;

/**
 * The four ICMP messages of ping(8): Echo and Echo Reply of ICMP (RFC 792 p. 14: types 8 and 0)
 * and of ICMPv6 (RFC 4443 §4.1, §4.2: types 128 and 129). A closed set: the code is the type
 * byte on the wire; the family tells which protocol's numbering it belongs to.
 */
public enum IcmpEchoType {
  ECHO_REPLY(StandardProtocolFamily.INET, 0, true),
  ECHO_REQUEST(StandardProtocolFamily.INET, 8, false),
  ECHO_REQUEST_V6(StandardProtocolFamily.INET6, 128, false),
  ECHO_REPLY_V6(StandardProtocolFamily.INET6, 129, true);

  private final StandardProtocolFamily family;
  private final int code;
  private final boolean reply;

  IcmpEchoType(StandardProtocolFamily family, int code, boolean reply) {
    this.family = family;
    this.code = code;
    this.reply = reply;
  }

  /** The type byte on the wire. */
  public int code() {
    return code;
  }

  /** INET: carried by ICMP (protocol 1); INET6: by ICMPv6 (next header 58). */
  public StandardProtocolFamily family() {
    return family;
  }

  public boolean isReply() {
    return reply;
  }

  /** The echo request of {@code family}. */
  public static IcmpEchoType request(StandardProtocolFamily family) {
    return family == StandardProtocolFamily.INET6 ? ECHO_REQUEST_V6 : ECHO_REQUEST;
  }

  /** The echo type with this type byte in {@code family}'s numbering; empty for any other type. */
  public static Optional<IcmpEchoType> fromCode(StandardProtocolFamily family, int code) {
    for (IcmpEchoType type : values()) {
      if (type.family == family && type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
