package io.keepalivedj.linux.rtnetlink;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkReject;
import io.keepalivedj.linux.netlink.NetlinkSocket;
import io.keepalivedj.linux.netlink.NetlinkUapi;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Link and address changes as they happen ({@code ip monitor link address}): a NETLINK_ROUTE
 * socket joined to RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR and RTNLGRP_IPV6_IFADDR, read by one
 * receive thread that hands decoded {@link RtnetlinkEvent}s to the listener in kernel order.
 *
 * <p>Nothing is lost silently. The groups are joined before the first dump, so the
 * {@link Resync} (cause SUBSCRIBED) that starts the stream plus the events after it describe
 * every change. When the kernel drops notifications because the receive queue was full
 * (ENOBUFS, netlink(7)), the thread discards what is still queued (it predates the state about
 * to be read), dumps links and addresses on a second socket, and delivers a Resync (cause
 * OVERRUN) with that state. Size the queue with {@link Options#receiveBufferBytes} (keepalived's
 * {@code vrrp_netlink_monitor_rcv_bufs}).
 *
 * <p>The listener runs on the receive thread only, one call at a time; an exception it throws
 * is logged and counted, and the stream goes on. A socket or dump failure ends the stream with
 * one {@link Listener#onFailure} call. {@link #close} may be called from any thread, including
 * the listener's: from another thread it returns once the receive thread has ended and both
 * sockets are closed, so no listener call happens after it.
 */
public final class NetlinkSubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetlinkSubscription.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The groups joined, in uapi/linux/rtnetlink.h enum rtnetlink_groups numbering. */
  public static final List<Integer> GROUPS = List.of(RtnetlinkUapi.RTNLGRP_LINK,
      RtnetlinkUapi.RTNLGRP_IPV4_IFADDR, RtnetlinkUapi.RTNLGRP_IPV6_IFADDR);

  /**
   * @param receiveBufferBytes   the notification socket's SO_RCVBUF, 0 for the kernel default
   *                             (net.core.rmem_default); a burst larger than the queue means
   *                             ENOBUFS and a Resync
   * @param forceReceiveBuffer   set it with SO_RCVBUFFORCE, beyond net.core.rmem_max (needs
   *                             CAP_NET_ADMIN; falls back to SO_RCVBUF without it)
   * @param closeCheckInterval   how long the receive thread waits in poll(2) before it looks at
   *                             the close flag again: the bound on {@link #close}'s wait
   */
  public record Options(int receiveBufferBytes, boolean forceReceiveBuffer, Duration closeCheckInterval) {
    public static final Duration DEFAULT_CLOSE_CHECK_INTERVAL = Duration.ofMillis(100);

    public Options {
      if (receiveBufferBytes < 0) {
        throw new IllegalArgumentException("negative receive buffer: " + receiveBufferBytes);
      }
      if (forceReceiveBuffer && receiveBufferBytes == 0) {
        throw new IllegalArgumentException("SO_RCVBUFFORCE needs a receive buffer size");
      }
      Objects.requireNonNull(closeCheckInterval, "closeCheckInterval");
      if (closeCheckInterval.toMillis() < 1 || closeCheckInterval.toMillis() > 10_000) {
        throw new IllegalArgumentException("close check interval out of 1 ms-10 s: " + closeCheckInterval);
      }
    }

    /** The kernel's default receive buffer, 100 ms close latency. */
    public static Options defaults() {
      return new Options(0, false, DEFAULT_CLOSE_CHECK_INTERVAL);
    }

    /** SO_RCVBUF of {@code bytes} (the kernel doubles it, within net.core.rmem_max). */
    public Options withReceiveBufferBytes(int bytes) {
      return new Options(bytes, false, closeCheckInterval);
    }

    /** SO_RCVBUFFORCE of {@code bytes}. */
    public Options withForcedReceiveBufferBytes(int bytes) {
      return new Options(bytes, true, closeCheckInterval);
    }

    public Options withCloseCheckInterval(Duration interval) {
      return new Options(receiveBufferBytes, forceReceiveBuffer, interval);
    }
  }

  /** Receives the stream; called on the receive thread only. */
  public interface Listener {
    void onEvent(RtnetlinkEvent event);

    /** The stream ended on an error (not on close); no call follows. Logs it by default. */
    default void onFailure(LinuxException cause) {
      LOG.error("rtnetlink subscription failed: {}", cause.getMessage(), cause);
    }
  }

  private final NetlinkSocket monitor;
  private final RtnetlinkClient dumper;
  private final Listener listener;
  private final Duration pollTimeout;
  private final String name;
  private final Thread thread;
  private final Map<NetlinkReject, AtomicLong> rejects = new EnumMap<>(NetlinkReject.class);
  private final AtomicLong resyncs = new AtomicLong();
  private final AtomicLong listenerFailures = new AtomicLong();
  private volatile boolean closing;

  private NetlinkSubscription(NetlinkSocket monitor, RtnetlinkClient dumper, Listener listener,
      Options options, String name) {
    this.monitor = monitor;
    this.dumper = dumper;
    this.listener = listener;
    this.pollTimeout = options.closeCheckInterval();
    this.name = name;
    for (NetlinkReject reason : NetlinkReject.values()) {
      rejects.put(reason, new AtomicLong());
    }
    this.thread = new Thread(this::run, "rtnetlink-monitor-" + name + "-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  /** Subscribes in the calling thread's network namespace and starts the receive thread. */
  public static NetlinkSubscription open(Options options, Listener listener) throws LinuxException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    NetlinkSubscription subscription = openSockets(options, listener, "init_net");
    subscription.thread.start();
    return subscription;
  }

  /** Subscribes to {@code namespace}'s changes; the sockets live there, the thread needs no setns. */
  public static NetlinkSubscription open(NetworkNamespace namespace, Options options, Listener listener)
      throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    NetlinkSubscription subscription = namespace.call(() -> openSockets(options, listener, namespace.name()));
    subscription.thread.start();
    return subscription;
  }

  private static NetlinkSubscription openSockets(Options options, Listener listener, String name)
      throws LinuxException {
    NetlinkSocket.Options socketOptions = NetlinkSocket.Options.defaults(NetlinkUapi.NETLINK_ROUTE);
    if (options.receiveBufferBytes() > 0) {
      socketOptions = options.forceReceiveBuffer()
          ? socketOptions.withForcedReceiveBufferBytes(options.receiveBufferBytes())
          : socketOptions.withSocketReceiveBufferBytes(options.receiveBufferBytes());
    }
    NetlinkSocket monitor = NetlinkSocket.open(socketOptions);
    RtnetlinkClient dumper = null;
    try {
      for (int group : GROUPS) {
        monitor.joinGroup(group);
      }
      // Dumps go over a second socket: on the monitor socket their replies would interleave
      // with notifications (keepalived likewise keeps a command and a monitor socket).
      dumper = RtnetlinkClient.open();
      return new NetlinkSubscription(monitor, dumper, listener, options, name);
    } catch (LinuxException | RuntimeException e) {
      closeQuietly(monitor, e);
      if (dumper != null) {
        closeQuietly(dumper, e);
      }
      throw e;
    }
  }

  private static void closeQuietly(AutoCloseable closeable, Exception into) {
    try {
      closeable.close();
    } catch (Exception e) {
      into.addSuppressed(e);
    }
  }

  /** The notification socket's receive buffer as the kernel granted it (getsockopt SO_RCVBUF). */
  public int receiveBufferBytes() throws LinuxException {
    return monitor.receiveBufferBytes();
  }

  /** How many Resyncs were delivered, the SUBSCRIBED one included. */
  public long resyncCount() {
    return resyncs.get();
  }

  /** Notifications dropped as malformed, by reason (every reason present, most 0). */
  public Map<NetlinkReject, Long> rejectCounts() {
    Map<NetlinkReject, Long> counts = new EnumMap<>(NetlinkReject.class);
    rejects.forEach((reason, count) -> counts.put(reason, count.get()));
    return counts;
  }

  /** How many listener calls threw. */
  public long listenerFailureCount() {
    return listenerFailures.get();
  }

  /** Whether the receive thread is still running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  private void run() {
    LinuxException failure = null;
    try {
      resync(Resync.Cause.SUBSCRIBED);
      while (!closing) {
        Decoding<List<NetlinkMessage>> datagram;
        try {
          datagram = monitor.receive(pollTimeout);
        } catch (LinuxException e) {
          if (e.errno() == Errno.ENOBUFS) {
            LOG.warn("{}: notification queue overrun (ENOBUFS); re-reading links and addresses", name);
            resync(Resync.Cause.OVERRUN);
            continue;
          }
          if (e.errno() == Errno.EMSGSIZE) {
            LOG.warn("{}: {}; re-reading links and addresses", name, e.getMessage());
            resync(Resync.Cause.TRUNCATED);
            continue;
          }
          throw e;
        }
        if (datagram instanceof Decoding.Rejected<List<NetlinkMessage>> rejected) {
          reject(rejected.reason(), rejected.detail());
        } else if (datagram instanceof Decoding.Decoded<List<NetlinkMessage>> decoded) {
          for (NetlinkMessage message : decoded.value()) {
            dispatch(message);
          }
        } else {
          throw new AssertionError(datagram);
        }
      }
    } catch (LinuxException e) {
      failure = e;
    } finally {
      closeSockets();
    }
    if (failure != null && !closing) {
      listener.onFailure(failure);
    }
  }

  private void resync(Resync.Cause cause) throws LinuxException {
    if (cause != Resync.Cause.SUBSCRIBED) {
      int discarded = monitor.discardPending();
      LOG.debug("{}: discarded {} queued datagrams before the re-dump", name, discarded);
    }
    List<LinkInfo> links = dumper.listLinks();
    List<InterfaceAddress> addresses = dumper.listAddresses();
    resyncs.incrementAndGet();
    deliver(new Resync(cause, links, addresses));
  }

  private void dispatch(NetlinkMessage message) throws LinuxException {
    int type = message.type();
    if (type == RtnetlinkUapi.RTM_NEWLINK || type == RtnetlinkUapi.RTM_DELLINK) {
      if (!LinkCodec.describesDevice(message)) {
        return;
      }
      Decoding<LinkInfo> link = LinkCodec.decode(message);
      if (link instanceof Decoding.Decoded<LinkInfo> d) {
        deliver(new LinkEvent(type == RtnetlinkUapi.RTM_NEWLINK ? RtnetlinkEvent.Change.NEW
            : RtnetlinkEvent.Change.DELETED, d.value()));
      } else if (link instanceof Decoding.Rejected<LinkInfo> r) {
        reject(r.reason(), r.detail());
      }
    } else if (type == RtnetlinkUapi.RTM_NEWADDR || type == RtnetlinkUapi.RTM_DELADDR) {
      Decoding<InterfaceAddress> address = AddressCodec.decode(message);
      if (address instanceof Decoding.Decoded<InterfaceAddress> d) {
        deliver(new AddressEvent(type == RtnetlinkUapi.RTM_NEWADDR ? RtnetlinkEvent.Change.NEW
            : RtnetlinkEvent.Change.DELETED, d.value()));
      } else if (address instanceof Decoding.Rejected<InterfaceAddress> r) {
        reject(r.reason(), r.detail());
      }
    } else if (type == NetlinkUapi.NLMSG_OVERRUN) {
      // Never sent by current kernels (overruns are ENOBUFS), but it means the same.
      LOG.warn("{}: NLMSG_OVERRUN", name);
      resync(Resync.Cause.OVERRUN);
    } else {
      LOG.debug("{}: ignoring message type {}", name, type);
    }
  }

  private void reject(NetlinkReject reason, String detail) {
    rejects.get(reason).incrementAndGet();
    LOG.warn("{}: dropped a malformed notification: {}", name, detail);
  }

  private void deliver(RtnetlinkEvent event) {
    if (closing) {
      return;
    }
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      listenerFailures.incrementAndGet();
      LOG.warn("{}: listener threw on {}", name, event.getClass().getSimpleName(), e);
    }
  }

  private void closeSockets() {
    try {
      monitor.close();
    } catch (LinuxException e) {
      LOG.warn("{}: closing the notification socket: {}", name, e.getMessage());
    }
    try {
      dumper.close();
    } catch (LinuxException e) {
      LOG.warn("{}: closing the dump socket: {}", name, e.getMessage());
    }
  }

  /**
   * Stops the stream. From another thread: interrupts the listener if it is blocked, waits for
   * the receive thread to end (at most the close-check interval once the listener returns), and
   * returns with both sockets closed. From the listener itself: returns at once; the thread ends
   * and closes the sockets when the listener returns. Later calls do nothing.
   */
  @Override
  public void close() {
    closing = true;
    if (Thread.currentThread() == thread) {
      return;
    }
    thread.interrupt();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "NetlinkSubscription[" + name + (closing ? ", closed" : "") + "]";
  }
}
