package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.Errno;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One struct sock_extended_err read from a socket's error queue (uapi/linux/errqueue.h) with its
 * offender: for an ICMP error ({@link ErrqueueUapi#SO_EE_ORIGIN_ICMP} / {@code _ICMP6}) the
 * error's type and code and the router or host that sent it; for a local one the errno only.
 *
 * @param errno    ee_errno: what a failed call would have returned (EHOSTUNREACH...)
 * @param origin   ee_origin, SO_EE_ORIGIN_*
 * @param type     ee_type: the ICMP / ICMPv6 type, 0-255
 * @param code     ee_code: the ICMP / ICMPv6 code, 0-255
 * @param info     ee_info: e.g. the next-hop MTU of "fragmentation needed" / "packet too big"
 * @param offender SO_EE_OFFENDER: who reported it; empty when the kernel gave AF_UNSPEC
 */
public record ExtendedError(int errno, int origin, int type, int code, int info,
    Optional<InetAddress> offender) {
  public ExtendedError {
    Objects.requireNonNull(offender, "offender");
    if (errno < 0 || origin < 0 || origin > 255 || type < 0 || type > 255 || code < 0 || code > 255) {
      throw new IllegalArgumentException("sock_extended_err field out of range: errno " + errno
          + ", origin " + origin + ", type " + type + ", code " + code);
    }
  }

  /**
   * What went wrong in ping(8)'s words: "host unreachable", "network unreachable", "time to live
   * exceeded"... from the ICMP type and code (RFC 792, RFC 1812 §5.2.7.1; ICMPv6: RFC 4443 §3),
   * else from the errno.
   */
  public String describe() {
    if (origin == ErrqueueUapi.SO_EE_ORIGIN_ICMP) {
      if (type == 3) {
        return switch (code) {
          case 0 -> "network unreachable";
          case 1 -> "host unreachable";
          case 2 -> "protocol unreachable";
          case 3 -> "port unreachable";
          case 4 -> "fragmentation needed (mtu " + info + ")";
          case 5 -> "source route failed";
          case 6, 11 -> "destination network unknown or unreachable for TOS";
          case 7, 12 -> "destination host unknown or unreachable for TOS";
          case 9, 10, 13 -> "communication administratively prohibited";
          default -> "destination unreachable (code " + code + ")";
        };
      }
      if (type == 11) {
        return code == 0 ? "time to live exceeded" : "fragment reassembly time exceeded";
      }
      return "ICMP type " + type + " code " + code;
    }
    if (origin == ErrqueueUapi.SO_EE_ORIGIN_ICMP6) {
      if (type == 1) {
        return switch (code) {
          case 0 -> "no route to destination";
          case 1 -> "communication administratively prohibited";
          case 2 -> "beyond scope of source address";
          case 3 -> "address unreachable";
          case 4 -> "port unreachable";
          case 5 -> "source address failed ingress/egress policy";
          case 6 -> "reject route to destination";
          default -> "destination unreachable (code " + code + ")";
        };
      }
      if (type == 2) {
        return "packet too big (mtu " + info + ")";
      }
      if (type == 3) {
        return code == 0 ? "hop limit exceeded" : "fragment reassembly time exceeded";
      }
      return "ICMPv6 type " + type + " code " + code;
    }
    return errno > 0 ? Errno.name(errno) : "error origin " + origin;
  }
}
