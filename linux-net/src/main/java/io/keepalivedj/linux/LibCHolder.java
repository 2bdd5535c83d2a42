package io.keepalivedj.linux;

import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.pid_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Loads libc once, on first use of {@link #LIBC} (the holder idiom: no native work when callers'
 * classes load). Package-private: nothing outside io.keepalivedj.linux sees a jnr type. The
 * interface itself must be public at the JVM level because jnr-ffi implements it in a class of
 * its own class loader; nesting it here keeps it unreachable from other packages.
 */
final class LibCHolder {
  static final LibC LIBC = LibraryLoader.create(LibC.class).failImmediately().load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  private LibCHolder() {
  }

  /**
   * The libc functions this module calls, and nothing else, so the native surface stays small
   * and auditable. Signatures follow glibc's prototypes (socklen_t and int are 32-bit, size_t and
   * nfds_t and ioctl's request are 64-bit on x86_64). ByteBuffer arguments are passed by address
   * from their position (direct buffers) or copied (heap buffers); callers only use this through
   * {@link Syscalls}, which checks results and errno. Loaded once in this holder.
   */
  public interface LibC {
    int socket(int domain, int type, int protocol);

    int bind(int fd, @In ByteBuffer address, int addressLength);

    int getsockname(int fd, @Out ByteBuffer address, @In @Out int[] addressLength);

    @ssize_t long sendto(int fd, @In ByteBuffer buffer, @size_t long length, int flags,
        @In ByteBuffer destination, int destinationLength);

    @ssize_t long recvfrom(int fd, @Out ByteBuffer buffer, @size_t long length, int flags,
        @Out ByteBuffer source, @In @Out int[] sourceLength);

    /** {@code msg} is a struct msghdr in native memory (it holds pointers, so no ByteBuffer). */
    @ssize_t long sendmsg(int fd, Pointer msg, int flags);

    @ssize_t long recvmsg(int fd, Pointer msg, int flags);

    int setsockopt(int fd, int level, int option, @In ByteBuffer value, int valueLength);

    int getsockopt(int fd, int level, int option, @Out ByteBuffer value, @In @Out int[] valueLength);

    int poll(@In @Out ByteBuffer fds, @u_int64_t long count, int timeoutMillis);

    int close(int fd);

    int open(String path, int flags);

    @ssize_t long read(int fd, @Out ByteBuffer buffer, @size_t long count);

    @ssize_t long write(int fd, @In ByteBuffer buffer, @size_t long count);

    /** Returns 0 when there is no such interface (errno ENODEV). */
    int if_nametoindex(String name);

    /** Returns NULL on failure; {@code name} must hold IF_NAMESIZE (16) bytes. */
    Pointer if_indextoname(int index, @Out ByteBuffer name);

    int ioctl(int fd, @u_int64_t long request, @In @Out ByteBuffer argument);

    int setns(int fd, int namespaceType);

    @pid_t int getpid();

    int eventfd(int initialValue, int flags);
  }
}
