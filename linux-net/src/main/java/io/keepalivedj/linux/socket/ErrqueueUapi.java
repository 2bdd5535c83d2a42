package io.keepalivedj.linux.socket;

/**
 * The socket error queue (ip(7) IP_RECVERR, ipv6(7) IPV6_RECVERR): uapi/linux/errqueue.h
 * (SO_EE_ORIGIN_*, struct sock_extended_err), with the options and the recvmsg flag that turn
 * it on and read it (uapi/linux/in.h IP_RECVERR, uapi/linux/in6.h IPV6_RECVERR,
 * include/linux/socket.h MSG_ERRQUEUE) kept beside them, x86_64 values.
 */
public final class ErrqueueUapi {
  /** SOL_IP option: queue ICMP errors (and local ones) for recvmsg(MSG_ERRQUEUE); cmsg type too. */
  public static final int IP_RECVERR = 11;
  /** SOL_IPV6 option: as IP_RECVERR for ICMPv6; cmsg type too. */
  public static final int IPV6_RECVERR = 25;
  /** recvmsg(2) flag: read one queued error instead of data. */
  public static final int MSG_ERRQUEUE = 0x2000;

  public static final int SO_EE_ORIGIN_NONE = 0;
  /** Raised by this host (EMSGSIZE on send, ...); no offender address. */
  public static final int SO_EE_ORIGIN_LOCAL = 1;
  /** An ICMP error; ee_type / ee_code are its type and code, the offender its sender. */
  public static final int SO_EE_ORIGIN_ICMP = 2;
  /** An ICMPv6 error; ee_type / ee_code are its type and code, the offender its sender. */
  public static final int SO_EE_ORIGIN_ICMP6 = 3;

  /**
   * struct sock_extended_err { u32 ee_errno; u8 ee_origin; u8 ee_type; u8 ee_code; u8 ee_pad;
   * u32 ee_info; u32 ee_data; }, followed in the cmsg by the offender's sockaddr
   * (SO_EE_OFFENDER).
   */
  public static final int SOCK_EXTENDED_ERR_SIZE = 16;

  private ErrqueueUapi() {
  }
}
