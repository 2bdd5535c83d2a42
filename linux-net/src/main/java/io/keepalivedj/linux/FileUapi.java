package io.keepalivedj.linux;

/**
 * File, poll, eventfd and namespace constants under their kernel names, x86_64 values:
 * uapi/asm-generic/fcntl.h (O_*), uapi/asm-generic/poll.h (POLL*), include/linux/eventfd.h
 * (EFD_*, equal to the O_ flags), uapi/linux/sched.h (CLONE_NEWNET).
 */
public final class FileUapi {
  public static final int O_RDONLY = 0;
  public static final int O_NONBLOCK = 0x800;
  public static final int O_CLOEXEC = 0x80000;

  public static final short POLLIN = 0x1;
  public static final short POLLOUT = 0x4;
  public static final short POLLERR = 0x8;
  public static final short POLLHUP = 0x10;
  public static final short POLLNVAL = 0x20;

  public static final int EFD_NONBLOCK = O_NONBLOCK;
  public static final int EFD_CLOEXEC = O_CLOEXEC;

  public static final int CLONE_NEWNET = 0x40000000;

  private FileUapi() {
  }
}
