package io.keepalivedj.linux.sysctl;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.FileUapi;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.Syscalls;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes /proc/sys/net sysctls ({@code sysctl -w net.ipv4.conf.lo.arp_ignore=1}).
 * /proc/sys/net shows the network namespace of the thread that opens the file, so an instance
 * made {@link #in(NetworkNamespace)} opens every file on a thread that entered the namespace,
 * and one made {@link #current()} on the calling thread. Failures are {@link SysctlException}s
 * naming the key and the errno; a malformed key or an out-of-range value is an
 * IllegalArgumentException before any file is touched.
 */
public final class Sysctl {
  /** Where procfs exposes sysctls (proc(5)). */
  public static final Path PROC_SYS = Path.of("/proc/sys");

  /** O_WRONLY from uapi/asm-generic/fcntl.h (FileUapi has only what reading needs). */
  private static final int O_WRONLY = 1;
  /** Longer than any value a net sysctl holds (they are ints or short strings). */
  private static final int MAX_VALUE_BYTES = 4096;

  private final Path root;
  private final Optional<NetworkNamespace> namespace;

  private Sysctl(Path root, Optional<NetworkNamespace> namespace) {
    this.root = root;
    this.namespace = namespace;
  }

  /** Sysctls of the calling thread's network namespace. */
  public static Sysctl current() {
    return new Sysctl(PROC_SYS, Optional.empty());
  }

  /** Sysctls of {@code namespace}: each access runs on a short-lived thread inside it. */
  public static Sysctl in(NetworkNamespace namespace) {
    return new Sysctl(PROC_SYS, Optional.of(Objects.requireNonNull(namespace, "namespace")));
  }

  /** Sysctls under another root (a copy of /proc/sys for tests), on the calling thread. */
  static Sysctl under(Path root) {
    return new Sysctl(root, Optional.empty());
  }

  /** {@code sysctl -n KEY}: the value without its trailing newline. */
  public String read(SysctlKey key) throws SysctlException {
    Objects.requireNonNull(key, "key");
    return inNamespace(key, () -> readHere(key));
  }

  /** {@code sysctl -w KEY=VALUE}. */
  public void write(SysctlKey key, String value) throws SysctlException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_VALUE_BYTES || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a one-line sysctl value: '" + value + "'");
    }
    inNamespace(key, () -> {
      writeHere(key, value);
      return null;
    });
  }

  /** A sysctl holding one int. */
  public int readInt(SysctlKey key) throws SysctlException {
    String text = read(key);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new SysctlException(key, Errno.EBADMSG, "read", "not an integer: '" + text + "'");
    }
  }

  public void writeInt(SysctlKey key, int value) throws SysctlException {
    write(key, Integer.toString(value));
  }

  /** {@code sysctl -n net.ipv[46].conf.INTERFACE.SETTING}. */
  public int get(InterfaceSetting setting, String interfaceName) throws SysctlException {
    return readInt(setting.key(interfaceName));
  }

  /** {@code sysctl -w net.ipv[46].conf.INTERFACE.SETTING=VALUE}, VALUE checked against the setting's meanings. */
  public void set(InterfaceSetting setting, String interfaceName, int value) throws SysctlException {
    SysctlKey key = setting.key(interfaceName);
    setting.check(value);
    writeInt(key, value);
  }

  /** {@code sysctl -n net.ipv4.ip_forward}. */
  public boolean ipForward() throws SysctlException {
    return readInt(SysctlKey.IP_FORWARD) != 0;
  }

  /** {@code sysctl -w net.ipv4.ip_forward=0|1} (1 also resets the IPv4 conf forwarding flags to match). */
  public void setIpForward(boolean enabled) throws SysctlException {
    writeInt(SysctlKey.IP_FORWARD, enabled ? 1 : 0);
  }

  private interface Access<T> {
    T run() throws SysctlException;
  }

  private <T> T inNamespace(SysctlKey key, Access<T> access) throws SysctlException {
    if (namespace.isEmpty()) {
      return access.run();
    }
    try {
      return namespace.get().call(access::run);
    } catch (SysctlException e) {
      throw e;
    } catch (LinuxException e) {
      // open/setns of the namespace itself failed
      throw new SysctlException(key, e.errno(), "enter " + namespace.get() + " for", e.getMessage());
    } catch (IOException e) {
      throw new SysctlException(key, Errno.EINTR, "enter " + namespace.get() + " for", e.getMessage());
    }
  }

  private String path(SysctlKey key) {
    return root.resolve(key.relativePath()).toString();
  }

  private String readHere(SysctlKey key) throws SysctlException {
    int fd = open(key, FileUapi.O_RDONLY | FileUapi.O_CLOEXEC, "read");
    try {
      ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_VALUE_BYTES);
      while (buffer.hasRemaining()) {
        int n;
        try {
          n = Syscalls.read(fd, buffer, "sysctl " + key);
        } catch (LinuxException e) {
          throw new SysctlException(key, e.errno(), "read", null);
        }
        if (n == 0) {
          break;
        }
      }
      buffer.flip();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      String text = new String(bytes, StandardCharsets.US_ASCII);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } finally {
      closeQuietly(fd);
    }
  }

  private void writeHere(SysctlKey key, String value) throws SysctlException {
    int fd = open(key, O_WRONLY | FileUapi.O_CLOEXEC, "write");
    try {
      byte[] bytes = (value + "\n").getBytes(StandardCharsets.US_ASCII);
      ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
      // One write(2): proc_dointvec parses the whole value from the one buffer.
      int written;
      try {
        written = Syscalls.write(fd, buffer, "sysctl " + key);
      } catch (LinuxException e) {
        throw new SysctlException(key, e.errno(), "write", "value '" + value + "'");
      }
      if (written != bytes.length) {
        throw new SysctlException(key, Errno.EIO, "write", "wrote " + written + " of " + bytes.length + " bytes");
      }
    } finally {
      closeQuietly(fd);
    }
  }

  private int open(SysctlKey key, int flags, String operation) throws SysctlException {
    try {
      return Syscalls.open(path(key), flags);
    } catch (LinuxException e) {
      throw new SysctlException(key, e.errno(), operation,
          e.errno() == Errno.ENOENT ? "no such sysctl (or interface) in this namespace" : null);
    }
  }

  private static void closeQuietly(int fd) {
    try {
      Syscalls.close(fd);
    } catch (LinuxException e) {
      // close(2) of a procfs file cannot lose data; nothing to report
    }
  }

  @Override
  public String toString() {
    return "Sysctl[" + root + namespace.map(n -> ", " + n).orElse("") + "]";
  }
}
