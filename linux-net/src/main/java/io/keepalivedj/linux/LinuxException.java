package io.keepalivedj.linux;

import java.io.IOException;

/**
 * A Linux system call or kernel request failed: carries the errno, its symbolic name and the
 * operation text ({@code "setsockopt(IP_MULTICAST_TTL)"}), so logs and callers can tell an
 * {@code EEXIST} from an {@code ENODEV} without parsing messages.
 */
public class LinuxException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int errno;
  private final String operation;

  public LinuxException(int errno, String operation) {
    this(errno, operation, null);
  }

  /** {@code detail} (may be null) is appended to the message, e.g. a kernel extended-ACK text. */
  public LinuxException(int errno, String operation, String detail) {
    super(message(errno, operation, detail));
    if (errno <= 0) {
      throw new IllegalArgumentException("errno must be positive: " + errno);
    }
    this.errno = errno;
    this.operation = operation;
  }

  private static String message(int errno, String operation, String detail) {
    String base = operation + ": " + Errno.name(errno) + " (" + errno + ")";
    return detail == null || detail.isEmpty() ? base : base + ": " + detail;
  }

  /** The positive errno number, e.g. 17 for EEXIST. */
  public int errno() {
    return errno;
  }

  /** The errno's symbolic name, e.g. {@code "EEXIST"}. */
  public String errnoName() {
    return Errno.name(errno);
  }

  /** What was attempted, e.g. {@code "setsockopt(IP_MULTICAST_TTL)"}. */
  public String operation() {
    return operation;
  }
}
