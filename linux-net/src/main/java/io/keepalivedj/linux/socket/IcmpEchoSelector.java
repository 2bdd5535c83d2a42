package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.FileUapi;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.Syscalls;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedSelectorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits on many {@link IcmpEchoSocket}s at once, for one receiver thread: poll(2) over their
 * descriptors plus an eventfd that {@link #wakeup} makes readable from any thread (the
 * WakeableDescriptor idea for a set of sockets), so the receiver can be told the set changed or
 * that it should stop. The sockets are the caller's; close them on the selecting thread, between
 * selects, so no descriptor is closed (and its number reused) under a poll.
 */
public final class IcmpEchoSelector implements AutoCloseable {
  private final int wakeFd;
  private final ByteBuffer counter = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
  private boolean closed;

  private IcmpEchoSelector(int wakeFd) {
    this.wakeFd = wakeFd;
  }

  public static IcmpEchoSelector open() throws LinuxException {
    return new IcmpEchoSelector(Syscalls.eventfd(0, FileUapi.EFD_CLOEXEC | FileUapi.EFD_NONBLOCK));
  }

  /**
   * Waits up to {@code timeoutMillis} (negative: forever) until a socket has a reply or an error
   * queued, or {@link #wakeup} is called; returns the ready sockets (empty after a wake-up or
   * the timeout) and clears a pending wake-up.
   */
  public List<IcmpEchoSocket> select(List<IcmpEchoSocket> sockets, int timeoutMillis) throws LinuxException {
    int[] fds = new int[sockets.size() + 1];
    for (int i = 0; i < sockets.size(); i++) {
      fds[i] = sockets.get(i).descriptor();
    }
    int wakeSlot = sockets.size();
    synchronized (this) {
      if (closed) {
        throw new ClosedSelectorException();
      }
    }
    fds[wakeSlot] = wakeFd;
    short[] revents = new short[fds.length];
    // POLLERR comes without asking: an ICMP error queued counts as ready.
    Syscalls.poll(fds, FileUapi.POLLIN, revents, timeoutMillis);
    if (revents[wakeSlot] != 0) {
      counter.clear();
      try {
        Syscalls.read(wakeFd, counter, "eventfd wake-up");
      } catch (LinuxException e) {
        if (e.errno() != Errno.EAGAIN) {
          throw e;
        }
      }
    }
    List<IcmpEchoSocket> ready = new ArrayList<>();
    for (int i = 0; i < sockets.size(); i++) {
      if ((revents[i] & FileUapi.POLLNVAL) != 0) {
        throw new LinuxException(Errno.EBADF, "poll(" + sockets.get(i) + ")");
      }
      if (revents[i] != 0) {
        ready.add(sockets.get(i));
      }
    }
    return ready;
  }

  /** Makes a select in progress (or the next one) return at once. Any thread; no-op after close. */
  public synchronized void wakeup() throws LinuxException {
    if (closed) {
      return;
    }
    ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1);
    Syscalls.write(wakeFd, one, "eventfd wake-up");
  }

  /** Closes the eventfd; call it on the selecting thread. Later calls do nothing. */
  @Override
  public synchronized void close() throws LinuxException {
    if (closed) {
      return;
    }
    closed = true;
    Syscalls.close(wakeFd);
  }
}
