package io.keepalivedj.linux.sysctl;

import io.keepalivedj.linux.LinuxException;
import java.util.Objects;

/**
 * Reading or writing a sysctl failed: names the key and the errno, e.g. ENOENT (no such key, or
 * no such interface in this namespace), EACCES/EPERM (read-only or not root), EINVAL (the
 * kernel refused the value), EBADMSG (the file did not hold the expected number).
 */
public final class SysctlException extends LinuxException {
  private static final long serialVersionUID = 1L;

  private final transient SysctlKey key;

  public SysctlException(SysctlKey key, int errno, String operation, String detail) {
    super(errno, operation + " " + Objects.requireNonNull(key, "key"), detail);
    this.key = key;
  }

  public SysctlKey key() {
    return key;
  }
}
