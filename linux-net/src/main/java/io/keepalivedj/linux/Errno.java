package io.keepalivedj.linux;

import java.util.Map;

/**
 * Linux errno numbers and their symbolic names, as defined for x86_64 (and every other
 * architecture using asm-generic: uapi/asm-generic/errno-base.h and uapi/asm-generic/errno.h).
 * Only the numbers networking code meets are named; others print as {@code errno N}.
 */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int ESRCH = 3;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int ENXIO = 6;
  public static final int E2BIG = 7;
  public static final int EBADF = 9;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EFAULT = 14;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int ENOTDIR = 20;
  public static final int EINVAL = 22;
  public static final int ENFILE = 23;
  public static final int EMFILE = 24;
  public static final int ENOSPC = 28;
  public static final int ERANGE = 34;
  public static final int ENAMETOOLONG = 36;
  public static final int ENOSYS = 38;
  public static final int ENOTEMPTY = 39;
  public static final int ENODATA = 61;
  public static final int EPROTO = 71;
  public static final int EBADMSG = 74;
  public static final int EOVERFLOW = 75;
  public static final int ENOTSOCK = 88;
  public static final int EDESTADDRREQ = 89;
  public static final int EMSGSIZE = 90;
  public static final int EPROTOTYPE = 91;
  public static final int ENOPROTOOPT = 92;
  public static final int EPROTONOSUPPORT = 93;
  public static final int EOPNOTSUPP = 95;
  public static final int EAFNOSUPPORT = 97;
  public static final int EADDRINUSE = 98;
  public static final int EADDRNOTAVAIL = 99;
  public static final int ENETDOWN = 100;
  public static final int ENETUNREACH = 101;
  public static final int ENOBUFS = 105;
  public static final int ENOTCONN = 107;
  public static final int ETIMEDOUT = 110;
  public static final int ECONNREFUSED = 111;
  public static final int EHOSTUNREACH = 113;
  public static final int EALREADY = 114;
  public static final int EINPROGRESS = 115;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(ESRCH, "ESRCH"),
      Map.entry(EINTR, "EINTR"), Map.entry(EIO, "EIO"), Map.entry(ENXIO, "ENXIO"),
      Map.entry(E2BIG, "E2BIG"), Map.entry(EBADF, "EBADF"), Map.entry(EAGAIN, "EAGAIN"),
      Map.entry(ENOMEM, "ENOMEM"), Map.entry(EACCES, "EACCES"), Map.entry(EFAULT, "EFAULT"),
      Map.entry(EBUSY, "EBUSY"), Map.entry(EEXIST, "EEXIST"), Map.entry(ENODEV, "ENODEV"),
      Map.entry(ENOTDIR, "ENOTDIR"), Map.entry(EINVAL, "EINVAL"), Map.entry(ENFILE, "ENFILE"),
      Map.entry(EMFILE, "EMFILE"), Map.entry(ENOSPC, "ENOSPC"), Map.entry(ERANGE, "ERANGE"),
      Map.entry(ENAMETOOLONG, "ENAMETOOLONG"), Map.entry(ENOSYS, "ENOSYS"),
      Map.entry(ENOTEMPTY, "ENOTEMPTY"), Map.entry(ENODATA, "ENODATA"), Map.entry(EPROTO, "EPROTO"),
      Map.entry(EBADMSG, "EBADMSG"), Map.entry(EOVERFLOW, "EOVERFLOW"),
      Map.entry(ENOTSOCK, "ENOTSOCK"), Map.entry(EDESTADDRREQ, "EDESTADDRREQ"),
      Map.entry(EMSGSIZE, "EMSGSIZE"), Map.entry(EPROTOTYPE, "EPROTOTYPE"),
      Map.entry(ENOPROTOOPT, "ENOPROTOOPT"), Map.entry(EPROTONOSUPPORT, "EPROTONOSUPPORT"),
      Map.entry(EOPNOTSUPP, "EOPNOTSUPP"), Map.entry(EAFNOSUPPORT, "EAFNOSUPPORT"),
      Map.entry(EADDRINUSE, "EADDRINUSE"), Map.entry(EADDRNOTAVAIL, "EADDRNOTAVAIL"),
      Map.entry(ENETDOWN, "ENETDOWN"), Map.entry(ENETUNREACH, "ENETUNREACH"),
      Map.entry(ENOBUFS, "ENOBUFS"), Map.entry(ENOTCONN, "ENOTCONN"),
      Map.entry(ETIMEDOUT, "ETIMEDOUT"), Map.entry(ECONNREFUSED, "ECONNREFUSED"),
      Map.entry(EHOSTUNREACH, "EHOSTUNREACH"), Map.entry(EALREADY, "EALREADY"),
      Map.entry(EINPROGRESS, "EINPROGRESS"));

  private Errno() {
  }

  /** The symbolic name ({@code "EEXIST"}), or {@code "errno 133"} for a number not in the table. */
  public static String name(int errno) {
    String name = NAMES.get(errno);
    return name != null ? name : "errno " + errno;
  }
}
