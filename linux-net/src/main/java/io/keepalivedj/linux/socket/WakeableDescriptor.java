package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.FileUapi;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.Syscalls;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket descriptor paired with an eventfd, so {@link #close} wakes every thread waiting in
 * {@link #awaitReadable} (they poll both; close makes the eventfd readable for good). Calls
 * bracket their use of the descriptor with {@link #acquire} / {@link #release}; the descriptors
 * are closed by whichever of close() and the last release() comes later, so a descriptor number
 * is never closed under a thread still using it (and then reused by an unrelated open).
 */
public final class WakeableDescriptor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WakeableDescriptor.class);

  private final int fd;
  private final int wakeFd;
  private final String what;
  private int users;
  private boolean closing;
  private boolean released;

  private WakeableDescriptor(int fd, int wakeFd, String what) {
    this.fd = fd;
    this.wakeFd = wakeFd;
    this.what = what;
  }

  /**
   * Takes ownership of {@code fd} (closed here if the eventfd cannot be made). {@code what}
   * names the socket in errors, e.g. "raw IPv4 proto 112".
   */
  public static WakeableDescriptor of(int fd, String what) throws LinuxException {
    int wakeFd;
    try {
      wakeFd = Syscalls.eventfd(0, FileUapi.EFD_CLOEXEC | FileUapi.EFD_NONBLOCK);
    } catch (LinuxException e) {
      Syscalls.closeAfterFailure(fd, e);
      throw e;
    }
    return new WakeableDescriptor(fd, wakeFd, what);
  }

  /** Marks the start of a call; returns the descriptor to use until {@link #release}. */
  public synchronized int acquire() throws ClosedChannelException {
    if (closing) {
      throw new ClosedChannelException();
    }
    users++;
    return fd;
  }

  /** Marks the end of a call; closes the descriptors if close() came meanwhile. */
  public void release() {
    boolean last;
    synchronized (this) {
      users--;
      last = closing && users == 0 && !released;
      released |= last;
    }
    if (last) {
      try {
        closeBoth();
      } catch (LinuxException e) {
        LOG.warn("closing {} after its last call: {}", what, e.getMessage());
      }
    }
  }

  /**
   * Waits (inside an acquire/release bracket) until the descriptor is readable: true when it
   * is, false when {@code timeoutMillis} (negative: forever) passed first. Throws
   * AsynchronousCloseException when close() is called before or during the wait.
   */
  public boolean awaitReadable(int timeoutMillis) throws IOException {
    int[] fds = {fd, wakeFd};
    short[] revents = new short[2];
    int ready = Syscalls.poll(fds, FileUapi.POLLIN, revents, timeoutMillis);
    if (revents[1] != 0 || isClosing()) {
      throw new AsynchronousCloseException();
    }
    if (ready == 0) {
      return false;
    }
    if ((revents[0] & FileUapi.POLLNVAL) != 0) {
      throw new LinuxException(Errno.EBADF, "poll(" + what + ")");
    }
    // POLLERR (a pending ICMP error on the socket) also counts as readable: recvmsg reports it.
    return true;
  }

  public synchronized boolean isOpen() {
    return !closing;
  }

  private synchronized boolean isClosing() {
    return closing;
  }

  /**
   * Wakes every waiter and closes the descriptors now, or when the last call in progress
   * releases them. Later calls do nothing.
   */
  @Override
  public void close() throws LinuxException {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      if (users > 0) {
        // Written under the lock: a release() that closes the eventfd must come after this.
        ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1);
        Syscalls.write(wakeFd, one, "eventfd wake-up of " + what);
        return;
      }
      released = true;
    }
    closeBoth();
  }

  private void closeBoth() throws LinuxException {
    try {
      Syscalls.close(fd);
    } finally {
      Syscalls.close(wakeFd);
    }
  }

  @Override
  public String toString() {
    return what + (isOpen() ? "" : " (closed)");
  }
}
