package io.keepalivedj.linux;

/**
 * Socket constants under their kernel names: include/linux/socket.h (AF_*, SOL_*, MSG_*),
 * include/linux/net.h (SOCK_*), uapi/asm-generic/socket.h (SO_*), x86_64 values.
 */
public final class SocketUapi {
  public static final int AF_UNSPEC = 0;
  public static final int AF_UNIX = 1;
  public static final int AF_INET = 2;
  public static final int AF_INET6 = 10;
  public static final int AF_NETLINK = 16;
  public static final int AF_PACKET = 17;

  public static final int SOCK_STREAM = 1;
  public static final int SOCK_DGRAM = 2;
  public static final int SOCK_RAW = 3;
  /** Flag or'ed into the type: close on exec, so forked notify scripts don't inherit sockets. */
  public static final int SOCK_CLOEXEC = 0x80000;
  public static final int SOCK_NONBLOCK = 0x800;

  public static final int SOL_SOCKET = 1;
  public static final int SOL_IP = 0;
  public static final int SOL_IPV6 = 41;
  public static final int SOL_NETLINK = 270;

  public static final int SO_SNDBUF = 7;
  public static final int SO_RCVBUF = 8;
  public static final int SO_RCVBUFFORCE = 33;
  /** Binds the socket to one interface by name (IFNAMSIZ bytes, NUL-terminated). */
  public static final int SO_BINDTODEVICE = 25;

  /** Level of the AF_PACKET options (include/linux/socket.h). */
  public static final int SOL_PACKET = 263;

  public static final int MSG_PEEK = 0x2;
  public static final int MSG_CTRUNC = 0x8;
  public static final int MSG_TRUNC = 0x20;
  public static final int MSG_DONTWAIT = 0x40;

  private SocketUapi() {
  }
}
