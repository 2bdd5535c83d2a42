package io.keepalivedj.linux;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Checked wrappers over {@link LibC}: each reads errno straight after a failed call (before
 * anything else can overwrite it), retries {@code EINTR}, and throws {@link LinuxException}
 * naming the errno and the operation. File descriptors are plain ints owned by the caller;
 * payloads are {@link ByteBuffer}s whose position and limit delimit the bytes, as in NIO
 * channels: sends consume from the position, receives fill from it.
 */
public final class Syscalls {
  /** IF_NAMESIZE from net/if.h: 15 characters and the terminating NUL. */
  public static final int IF_NAMESIZE = 16;

  private Syscalls() {
  }

  private static LibCHolder.LibC libc() {
    return LibCHolder.LIBC;
  }

  private static int errno() {
    return LastError.getLastError(LibCHolder.RUNTIME);
  }

  /** socket(2); returns the new descriptor. Add {@link SocketUapi#SOCK_CLOEXEC} to the type. */
  public static int socket(int domain, int type, int protocol) throws LinuxException {
    int fd = libc().socket(domain, type, protocol);
    if (fd < 0) {
      throw new LinuxException(errno(), "socket(" + domain + ", " + type + ", " + protocol + ")");
    }
    return fd;
  }

  /** bind(2) to the sockaddr between {@code address}'s position and limit. */
  public static void bind(int fd, ByteBuffer address, String what) throws LinuxException {
    if (libc().bind(fd, address, address.remaining()) < 0) {
      throw new LinuxException(errno(), "bind(" + what + ")");
    }
  }

  /** getsockname(2): returns a buffer holding exactly the socket's address. */
  public static ByteBuffer getsockname(int fd, int maxLength) throws LinuxException {
    ByteBuffer address = ByteBuffer.allocateDirect(maxLength).order(ByteOrder.nativeOrder());
    int[] length = {maxLength};
    if (libc().getsockname(fd, address, length) < 0) {
      throw new LinuxException(errno(), "getsockname");
    }
    address.limit(Math.min(length[0], maxLength));
    return address;
  }

  /**
   * sendto(2) of {@code data}'s remaining bytes to {@code destination} (null: the connected
   * peer). Advances data's position by the bytes sent and returns that count.
   */
  public static int sendto(int fd, ByteBuffer data, ByteBuffer destination, int flags, String what)
      throws LinuxException {
    while (true) {
      long sent = libc().sendto(fd, data, data.remaining(), flags, destination,
          destination == null ? 0 : destination.remaining());
      if (sent >= 0) {
        data.position(data.position() + (int) sent);
        return (int) sent;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "sendto(" + what + ")");
      }
    }
  }

  /**
   * recvfrom(2) into {@code into}'s remaining space. Returns the datagram's full length, which
   * exceeds the bytes stored when {@link SocketUapi#MSG_TRUNC} is passed and the buffer was too
   * small; into's position advances by the bytes stored. {@code source} (may be null) gets the
   * sender's sockaddr, its limit set to the address length.
   */
  public static int recvfrom(int fd, ByteBuffer into, ByteBuffer source, int flags, String what)
      throws LinuxException {
    int[] sourceLength = {source == null ? 0 : source.remaining()};
    while (true) {
      long received = libc().recvfrom(fd, into, into.remaining(), flags, source,
          source == null ? null : sourceLength);
      if (received >= 0) {
        into.position(into.position() + (int) Math.min(received, into.remaining()));
        if (source != null) {
          source.limit(source.position() + Math.min(sourceLength[0], source.remaining()));
        }
        return (int) received;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "recvfrom(" + what + ")");
      }
    }
  }

  /** What recvmsg(2) stored: lengths of data, source address, control data, and msg_flags. */
  public record ReceivedMessage(int length, int sourceLength, int controlLength, int flags) {
    public ReceivedMessage {
      if (length < 0 || sourceLength < 0 || controlLength < 0) {
        throw new IllegalArgumentException("negative length");
      }
    }
  }

  // struct msghdr and struct iovec on x86_64 (include/linux/socket.h, uapi/linux/uio.h):
  //   msghdr { void *name; socklen_t namelen; /* pad 4 */ iovec *iov; size_t iovlen;
  //            void *control; size_t controllen; int flags; /* pad 4 */ }   = 56 bytes
  //   iovec  { void *base; size_t len; }                                    = 16 bytes
  private static final int MSGHDR_SIZE = 56;
  private static final int IOVEC_SIZE = 16;

  /**
   * sendmsg(2) of {@code data}'s remaining bytes with optional destination and ancillary
   * ({@code control}, cmsg-formatted) data; both may be null. Advances data's position.
   */
  public static int sendmsg(int fd, ByteBuffer data, ByteBuffer destination, ByteBuffer control,
      int flags, String what) throws LinuxException {
    jnr.ffi.Runtime runtime = LibCHolder.RUNTIME;
    Pointer payload = copyIn(runtime, data);
    Pointer name = copyIn(runtime, destination);
    Pointer ancillary = copyIn(runtime, control);
    Pointer msg = message(runtime, payload, data.remaining(), name, destination, ancillary, control);
    while (true) {
      long sent = libc().sendmsg(fd, msg, flags);
      // msg only holds raw addresses: keep the blocks they point into alive past the call.
      Reference.reachabilityFence(payload);
      Reference.reachabilityFence(name);
      Reference.reachabilityFence(ancillary);
      if (sent >= 0) {
        data.position(data.position() + (int) sent);
        return (int) sent;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "sendmsg(" + what + ")");
      }
    }
  }

  /**
   * recvmsg(2) into {@code data} (position advances by the bytes stored), {@code source} and
   * {@code control} (each may be null; their limits are set to what the kernel stored). Check
   * {@link ReceivedMessage#flags()} for MSG_TRUNC and MSG_CTRUNC.
   */
  public static ReceivedMessage recvmsg(int fd, ByteBuffer data, ByteBuffer source,
      ByteBuffer control, int flags, String what) throws LinuxException {
    jnr.ffi.Runtime runtime = LibCHolder.RUNTIME;
    Pointer payload = Memory.allocateDirect(runtime, Math.max(1, data.remaining()));
    Pointer name = source == null ? null : Memory.allocateDirect(runtime, Math.max(1, source.remaining()));
    Pointer ancillary = control == null ? null
        : Memory.allocateDirect(runtime, Math.max(1, control.remaining()), true);
    Pointer msg = message(runtime, payload, data.remaining(), name, source, ancillary, control);
    while (true) {
      long received = libc().recvmsg(fd, msg, flags);
      Reference.reachabilityFence(payload);
      Reference.reachabilityFence(name);
      Reference.reachabilityFence(ancillary);
      if (received >= 0) {
        int stored = (int) Math.min(received, data.remaining());
        copyOut(payload, data, stored);
        int nameLength = msg.getInt(8);
        int controlLength = (int) msg.getLong(40);
        if (source != null) {
          int n = Math.min(nameLength, source.remaining());
          int start = source.position();
          copyOut(name, source, n);
          source.position(start).limit(start + n);
        }
        if (control != null) {
          int n = Math.min(controlLength, control.remaining());
          int start = control.position();
          copyOut(ancillary, control, n);
          control.position(start).limit(start + n);
        }
        return new ReceivedMessage((int) received, nameLength, controlLength, msg.getInt(48));
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "recvmsg(" + what + ")");
      }
    }
  }

  /** A msghdr with its single iovec placed right after it, in one native block. */
  private static Pointer message(jnr.ffi.Runtime runtime, Pointer payload, int payloadLength,
      Pointer name, ByteBuffer nameBuffer, Pointer control, ByteBuffer controlBuffer) {
    Pointer msg = Memory.allocateDirect(runtime, MSGHDR_SIZE + IOVEC_SIZE, true);
    long iov = msg.address() + MSGHDR_SIZE;
    msg.putAddress(MSGHDR_SIZE, payload.address());
    msg.putLong(MSGHDR_SIZE + 8, payloadLength);
    msg.putAddress(0, name == null ? 0 : name.address());
    msg.putInt(8, name == null ? 0 : nameBuffer.remaining());
    msg.putAddress(16, iov);
    msg.putLong(24, 1);
    msg.putAddress(32, control == null ? 0 : control.address());
    msg.putLong(40, control == null ? 0 : controlBuffer.remaining());
    msg.putInt(48, 0);
    return msg;
  }

  private static Pointer copyIn(jnr.ffi.Runtime runtime, ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    Pointer memory = Memory.allocateDirect(runtime, Math.max(1, buffer.remaining()));
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    memory.put(0, bytes, 0, bytes.length);
    return memory;
  }

  private static void copyOut(Pointer memory, ByteBuffer into, int count) {
    byte[] bytes = new byte[count];
    memory.get(0, bytes, 0, count);
    into.put(bytes);
  }

  /** setsockopt(2) with the value between {@code value}'s position and limit. */
  public static void setsockopt(int fd, int level, int option, ByteBuffer value, String optionName)
      throws LinuxException {
    if (libc().setsockopt(fd, level, option, value, value.remaining()) < 0) {
      throw new LinuxException(errno(), "setsockopt(" + optionName + ")");
    }
  }

  /** setsockopt(2) with a C int value, e.g. {@code setsockoptInt(fd, SOL_IP, IP_TTL, 255, "IP_TTL")}. */
  public static void setsockoptInt(int fd, int level, int option, int value, String optionName)
      throws LinuxException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    buffer.putInt(0, value);
    setsockopt(fd, level, option, buffer, optionName);
  }

  /** getsockopt(2) into {@code into}'s remaining space; returns the length the kernel stored. */
  public static int getsockopt(int fd, int level, int option, ByteBuffer into, String optionName)
      throws LinuxException {
    int[] length = {into.remaining()};
    if (libc().getsockopt(fd, level, option, into, length) < 0) {
      throw new LinuxException(errno(), "getsockopt(" + optionName + ")");
    }
    return length[0];
  }

  /** getsockopt(2) of a C int option. */
  public static int getsockoptInt(int fd, int level, int option, String optionName)
      throws LinuxException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    getsockopt(fd, level, option, buffer, optionName);
    return buffer.getInt(0);
  }

  /**
   * poll(2) on one descriptor for up to {@code timeoutMillis} (negative: forever). Returns the
   * revents bits, 0 on timeout. EINTR retries with the time that remains.
   */
  public static int poll(int fd, short events, int timeoutMillis) throws LinuxException {
    // struct pollfd { int fd; short events; short revents; } (uapi/asm-generic/poll.h)
    ByteBuffer pollfd = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    int wait = timeoutMillis;
    while (true) {
      pollfd.putInt(0, fd).putShort(4, events).putShort(6, (short) 0);
      int ready = libc().poll(pollfd, 1, wait);
      if (ready >= 0) {
        return ready == 0 ? 0 : pollfd.getShort(6) & 0xffff;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "poll(fd " + fd + ")");
      }
      if (timeoutMillis >= 0) {
        wait = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
      }
    }
  }

  /**
   * poll(2) on several descriptors at once for up to {@code timeoutMillis} (negative: forever),
   * all waiting for {@code events}. Fills {@code revents} (same length as {@code fds}) with each
   * descriptor's returned bits and returns how many are ready, 0 on timeout. EINTR retries with
   * the time that remains. A socket plus an eventfd lets close() wake a blocked receiver.
   */
  public static int poll(int[] fds, short events, short[] revents, int timeoutMillis)
      throws LinuxException {
    if (revents.length != fds.length) {
      throw new IllegalArgumentException("revents holds " + revents.length + " slots for "
          + fds.length + " descriptors");
    }
    // struct pollfd { int fd; short events; short revents; } (uapi/asm-generic/poll.h)
    ByteBuffer pollfds = ByteBuffer.allocateDirect(8 * Math.max(1, fds.length))
        .order(ByteOrder.nativeOrder());
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    int wait = timeoutMillis;
    while (true) {
      for (int i = 0; i < fds.length; i++) {
        pollfds.putInt(8 * i, fds[i]).putShort(8 * i + 4, events).putShort(8 * i + 6, (short) 0);
      }
      int ready = libc().poll(pollfds, fds.length, wait);
      if (ready >= 0) {
        for (int i = 0; i < fds.length; i++) {
          revents[i] = pollfds.getShort(8 * i + 6);
        }
        return ready;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "poll(" + fds.length + " fds)");
      }
      if (timeoutMillis >= 0) {
        wait = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
      }
    }
  }

  /**
   * close(2). Not retried on EINTR: Linux has released the descriptor by then, and a retry
   * could close a descriptor another thread just opened.
   */
  public static void close(int fd) throws LinuxException {
    if (libc().close(fd) < 0) {
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "close(fd " + fd + ")");
      }
    }
  }

  /** open(2); returns the new descriptor. */
  /**
   * Closes {@code fd} after {@code failure} made it useless to its opener, so no descriptor leaks
   * on an error path; an error from close(2) is kept as suppressed in {@code failure}, which the
   * caller then throws.
   */
  public static void closeAfterFailure(int fd, Exception failure) {
    try {
      close(fd);
    } catch (LinuxException closeFailure) {
      failure.addSuppressed(closeFailure);
    }
  }

  public static int open(String path, int flags) throws LinuxException {
    while (true) {
      int fd = libc().open(path, flags);
      if (fd >= 0) {
        return fd;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "open(" + path + ")");
      }
    }
  }

  /** read(2) into {@code into}'s remaining space; position advances; returns the count (0 = EOF). */
  public static int read(int fd, ByteBuffer into, String what) throws LinuxException {
    while (true) {
      long n = libc().read(fd, into, into.remaining());
      if (n >= 0) {
        into.position(into.position() + (int) n);
        return (int) n;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "read(" + what + ")");
      }
    }
  }

  /** write(2) of {@code data}'s remaining bytes; position advances; returns the count. */
  public static int write(int fd, ByteBuffer data, String what) throws LinuxException {
    while (true) {
      long n = libc().write(fd, data, data.remaining());
      if (n >= 0) {
        data.position(data.position() + (int) n);
        return (int) n;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "write(" + what + ")");
      }
    }
  }

  /** if_nametoindex(3): the interface's index in the calling thread's network namespace. */
  public static int ifNameToIndex(String name) throws LinuxException {
    int index = libc().if_nametoindex(name);
    if (index == 0) {
      int errno = errno();
      throw new LinuxException(errno == 0 ? Errno.ENODEV : errno, "if_nametoindex(" + name + ")");
    }
    return index;
  }

  /** if_indextoname(3): the interface's name in the calling thread's network namespace. */
  public static String ifIndexToName(int index) throws LinuxException {
    ByteBuffer name = ByteBuffer.allocateDirect(IF_NAMESIZE);
    if (libc().if_indextoname(index, name) == null) {
      int errno = errno();
      throw new LinuxException(errno == 0 ? Errno.ENXIO : errno, "if_indextoname(" + index + ")");
    }
    int length = 0;
    while (length < IF_NAMESIZE && name.get(length) != 0) {
      length++;
    }
    byte[] bytes = new byte[length];
    name.get(0, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** ioctl(2) with a pointer argument (a struct ifreq and the like); returns its result. */
  public static int ioctl(int fd, long request, ByteBuffer argument, String requestName)
      throws LinuxException {
    while (true) {
      int result = libc().ioctl(fd, request, argument);
      if (result >= 0) {
        return result;
      }
      int errno = errno();
      if (errno != Errno.EINTR) {
        throw new LinuxException(errno, "ioctl(" + requestName + ")");
      }
    }
  }

  /** setns(2): moves the calling thread (only it) into the namespace {@code fd} refers to. */
  public static void setns(int fd, int namespaceType, String what) throws LinuxException {
    if (libc().setns(fd, namespaceType) < 0) {
      throw new LinuxException(errno(), "setns(" + what + ")");
    }
  }

  /** getpid(2); cannot fail. */
  public static int getpid() {
    return libc().getpid();
  }

  /** eventfd(2), a counter descriptor a poll loop can be woken through. */
  public static int eventfd(int initialValue, int flags) throws LinuxException {
    int fd = libc().eventfd(initialValue, flags);
    if (fd < 0) {
      throw new LinuxException(errno(), "eventfd");
    }
    return fd;
  }
}
