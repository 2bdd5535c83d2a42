package io.keepalivedj.linux.netlink;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.FileUapi;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AF_NETLINK socket for request/response exchanges with the kernel. It lives in the network
 * namespace of the thread that opened it (see {@link io.keepalivedj.linux.NetworkNamespace}).
 * {@link #request} is the single request loop: send, then read replies matching the sequence
 * number and this socket's port id, following NLM_F_MULTI parts to NLMSG_DONE, mapping
 * NLMSG_ERROR to {@link NetlinkException}, bounding every wait by the reply timeout.
 * Requests are serialized (one in flight per socket). A socket that {@link #joinGroup joined}
 * multicast groups receives notifications with {@link #receive} instead.
 */
public final class NetlinkSocket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetlinkSocket.class);

  /**
   * @param protocol                 NETLINK_ROUTE, NETLINK_GENERIC...
   * @param socketReceiveBufferBytes SO_RCVBUF, 0 for the kernel default (net.core.rmem_default);
   *                                 the kernel doubles it for its bookkeeping (socket(7))
   * @param forceReceiveBuffer       set it with SO_RCVBUFFORCE, which may exceed
   *                                 net.core.rmem_max but needs CAP_NET_ADMIN; without the
   *                                 capability (EPERM) it falls back to SO_RCVBUF, as keepalived's
   *                                 {@code vrrp_netlink_monitor_rcv_bufs_force} does
   * @param messageBufferBytes       the user-space buffer one datagram is read into; a larger
   *                                 datagram fails the request with EMSGSIZE
   * @param replyTimeout             bound on the wait for each request's complete answer
   */
  public record Options(int protocol, int socketReceiveBufferBytes, boolean forceReceiveBuffer,
      int messageBufferBytes, Duration replyTimeout) {
    /** libmnl's MNL_SOCKET_BUFFER_SIZE reasoning: dumps fill at most 32 KiB per datagram. */
    public static final int DEFAULT_MESSAGE_BUFFER_BYTES = 32 * 1024;
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(5);

    public Options {
      if (protocol < 0 || protocol > 31) {
        throw new IllegalArgumentException("netlink protocol out of range (MAX_LINKS 32): " + protocol);
      }
      if (socketReceiveBufferBytes < 0) {
        throw new IllegalArgumentException("negative SO_RCVBUF: " + socketReceiveBufferBytes);
      }
      if (forceReceiveBuffer && socketReceiveBufferBytes == 0) {
        throw new IllegalArgumentException("SO_RCVBUFFORCE needs a receive buffer size");
      }
      if (messageBufferBytes < 4096) {
        throw new IllegalArgumentException("message buffer below one page: " + messageBufferBytes);
      }
      Objects.requireNonNull(replyTimeout, "replyTimeout");
      if (replyTimeout.isNegative() || replyTimeout.isZero() || replyTimeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("reply timeout out of range: " + replyTimeout);
      }
    }

    public static Options defaults(int protocol) {
      return new Options(protocol, 0, false, DEFAULT_MESSAGE_BUFFER_BYTES, DEFAULT_REPLY_TIMEOUT);
    }

    public Options withSocketReceiveBufferBytes(int bytes) {
      return new Options(protocol, bytes, forceReceiveBuffer, messageBufferBytes, replyTimeout);
    }

    /** SO_RCVBUFFORCE of {@code bytes} (falling back to SO_RCVBUF without CAP_NET_ADMIN). */
    public Options withForcedReceiveBufferBytes(int bytes) {
      return new Options(protocol, bytes, true, messageBufferBytes, replyTimeout);
    }

    public Options withMessageBufferBytes(int bytes) {
      return new Options(protocol, socketReceiveBufferBytes, forceReceiveBuffer, bytes, replyTimeout);
    }

    public Options withReplyTimeout(Duration timeout) {
      return new Options(protocol, socketReceiveBufferBytes, forceReceiveBuffer, messageBufferBytes, timeout);
    }
  }

  private final Options options;
  private final int fd;
  private final int portId;
  private final ByteBuffer kernelAddress;
  private ByteBuffer receiveBuffer;
  /**
   * Direct buffers reused by every call (all callers hold this socket's lock): allocating direct
   * memory per request costs more than the syscalls it serves.
   */
  private ByteBuffer sendBuffer;
  private ByteBuffer sourceAddress;
  private int sequence;
  private boolean closed;
  /** Multicast groups joined: notifications arrive unsolicited, so request() is refused. */
  private final Set<Integer> groups = new TreeSet<>();

  private NetlinkSocket(Options options, int fd, int portId) {
    this.options = options;
    this.fd = fd;
    this.portId = portId;
    this.kernelAddress = sockaddrNl(0);
  }

  /** Opens a socket with default options for the protocol, in the calling thread's namespace. */
  public static NetlinkSocket open(int protocol) throws LinuxException {
    return open(Options.defaults(protocol));
  }

  public static NetlinkSocket open(Options options) throws LinuxException {
    int fd = Syscalls.socket(SocketUapi.AF_NETLINK, SocketUapi.SOCK_RAW | SocketUapi.SOCK_CLOEXEC,
        options.protocol());
    try {
      setReceiveBuffer(fd, options);
      // Extended ACK (Linux 4.12) gives the kernel's reason text; CAP_ACK (4.3) stops errors
      // echoing the whole request. Both are optional: older kernels answer ENOPROTOOPT.
      optionalFlag(fd, NetlinkUapi.NETLINK_EXT_ACK, "NETLINK_EXT_ACK");
      optionalFlag(fd, NetlinkUapi.NETLINK_CAP_ACK, "NETLINK_CAP_ACK");
      Syscalls.bind(fd, sockaddrNl(0), "AF_NETLINK");
      ByteBuffer bound = Syscalls.getsockname(fd, NetlinkUapi.SOCKADDR_NL_SIZE);
      if (bound.remaining() < NetlinkUapi.SOCKADDR_NL_SIZE) {
        throw new LinuxException(Errno.EPROTO, "getsockname(AF_NETLINK)",
            "address of " + bound.remaining() + " bytes");
      }
      int portId = bound.getInt(4);
      return new NetlinkSocket(options, fd, portId);
    } catch (LinuxException | RuntimeException e) {
      Syscalls.closeAfterFailure(fd, e);
      throw e;
    }
  }

  private static void setReceiveBuffer(int fd, Options options) throws LinuxException {
    int bytes = options.socketReceiveBufferBytes();
    if (bytes == 0) {
      return;
    }
    if (options.forceReceiveBuffer()) {
      try {
        Syscalls.setsockoptInt(fd, SocketUapi.SOL_SOCKET, SocketUapi.SO_RCVBUFFORCE, bytes, "SO_RCVBUFFORCE");
        return;
      } catch (LinuxException e) {
        if (e.errno() != Errno.EPERM) {
          throw e;
        }
        LOG.warn("SO_RCVBUFFORCE({}) needs CAP_NET_ADMIN; using SO_RCVBUF, capped by net.core.rmem_max", bytes);
      }
    }
    Syscalls.setsockoptInt(fd, SocketUapi.SOL_SOCKET, SocketUapi.SO_RCVBUF, bytes, "SO_RCVBUF");
  }

  private static void optionalFlag(int fd, int option, String name) throws LinuxException {
    try {
      Syscalls.setsockoptInt(fd, SocketUapi.SOL_NETLINK, option, 1, name);
    } catch (LinuxException e) {
      if (e.errno() != Errno.ENOPROTOOPT) {
        throw e;
      }
      LOG.debug("kernel lacks {}; continuing without it", name);
    }
  }

  /** struct sockaddr_nl { u16 nl_family; u16 nl_pad; u32 nl_pid; u32 nl_groups; } */
  private static ByteBuffer sockaddrNl(int pid) {
    ByteBuffer address = ByteBuffer.allocateDirect(NetlinkUapi.SOCKADDR_NL_SIZE)
        .order(ByteOrder.nativeOrder());
    address.putShort(0, (short) SocketUapi.AF_NETLINK).putInt(4, pid).putInt(8, 0);
    return address;
  }

  /** The port id the kernel assigned at bind (nl_pid), which replies are addressed to. */
  public int portId() {
    return portId;
  }

  public Options options() {
    return options;
  }

  /**
   * The receive buffer the kernel granted (getsockopt SO_RCVBUF): twice what was asked, within
   * net.core.rmem_max unless forced (socket(7)).
   */
  public synchronized int receiveBufferBytes() throws LinuxException {
    requireOpen("getsockopt(SO_RCVBUF)");
    return Syscalls.getsockoptInt(fd, SocketUapi.SOL_SOCKET, SocketUapi.SO_RCVBUF, "SO_RCVBUF");
  }

  /**
   * Joins a multicast group (NETLINK_ADD_MEMBERSHIP, netlink(7)), e.g. RTNLGRP_LINK: the kernel
   * then sends this socket a notification for every change in the group. From then on the
   * socket only {@link #receive}s; {@link #request} is refused, since its reply loop would
   * have to drop the notifications that arrive in between.
   */
  public synchronized void joinGroup(int group) throws LinuxException {
    requireOpen("NETLINK_ADD_MEMBERSHIP");
    if (group <= 0) {
      throw new IllegalArgumentException("netlink multicast groups start at 1: " + group);
    }
    Syscalls.setsockoptInt(fd, SocketUapi.SOL_NETLINK, NetlinkUapi.NETLINK_ADD_MEMBERSHIP, group,
        "NETLINK_ADD_MEMBERSHIP " + group);
    groups.add(group);
  }

  /** The groups joined, ascending. */
  public synchronized Set<Integer> groups() {
    return Set.copyOf(groups);
  }

  /**
   * Waits up to {@code timeout} for one datagram of notifications from the kernel and splits
   * it into messages; an empty list when none came (or one came from a user-space port, which
   * is not the kernel's to send). A malformed datagram is returned as Rejected, for the caller
   * to count. Lost notifications are never silent: a receive-queue overrun throws
   * {@link LinuxException} ENOBUFS (netlink(7)), a datagram larger than the message buffer
   * NetlinkException EMSGSIZE; in both cases the caller must re-read the state it mirrors.
   */
  public synchronized Decoding<List<NetlinkMessage>> receive(Duration timeout) throws LinuxException {
    requireOpen("receive");
    long millis = timeout.toMillis();
    if (timeout.isNegative() || millis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("timeout out of range: " + timeout);
    }
    // POLLERR also wakes us: an overrun sets sk_err, and recvfrom then reports ENOBUFS.
    if (Syscalls.poll(fd, FileUapi.POLLIN, (int) millis) == 0) {
      return Decoding.decoded(List.of());
    }
    ByteBuffer datagram = receiveDatagram(0, "receive notifications");
    if (datagram == null) {
      return Decoding.decoded(List.of());
    }
    return NetlinkMessageCodec.decode(datagram);
  }

  /**
   * Drops every datagram already queued, without waiting; returns how many. After an overrun
   * the queue holds notifications older than the state the caller is about to re-read, which
   * must not be applied on top of it. A repeated ENOBUFS while draining is part of the same loss.
   */
  public synchronized int discardPending() throws LinuxException {
    requireOpen("discard pending notifications");
    int discarded = 0;
    while (true) {
      try {
        if (receiveDatagram(SocketUapi.MSG_DONTWAIT, "discard pending notifications") != null) {
          discarded++;
        }
      } catch (LinuxException e) {
        if (e.errno() == Errno.EAGAIN) {
          return discarded;
        }
        if (e.errno() != Errno.ENOBUFS && e.errno() != Errno.EMSGSIZE) {
          throw e;
        }
      }
    }
  }

  /** One datagram from the kernel, flipped for reading; null if a user-space port sent it. */
  private ByteBuffer receiveDatagram(int flags, String operation) throws LinuxException {
    if (receiveBuffer == null) {
      receiveBuffer = ByteBuffer.allocateDirect(options.messageBufferBytes()).order(ByteOrder.nativeOrder());
    }
    if (sourceAddress == null) {
      sourceAddress = ByteBuffer.allocateDirect(NetlinkUapi.SOCKADDR_NL_SIZE).order(ByteOrder.nativeOrder());
    }
    ByteBuffer source = sourceAddress.clear();
    receiveBuffer.clear();
    // MSG_TRUNC makes recv return the datagram's real length, so truncation is detected.
    int length = Syscalls.recvfrom(fd, receiveBuffer, source, SocketUapi.MSG_TRUNC | flags, operation);
    if (length > receiveBuffer.capacity()) {
      throw new NetlinkException(Errno.EMSGSIZE, operation, "a datagram of " + length
          + " bytes exceeded the " + receiveBuffer.capacity() + "-byte message buffer");
    }
    if (source.remaining() >= 8 && source.getInt(4) != 0) {
      LOG.debug("{}: ignoring a datagram from port {}, not the kernel", operation,
          Integer.toUnsignedString(source.getInt(4)));
      return null;
    }
    receiveBuffer.flip();
    return receiveBuffer;
  }

  private void requireOpen(String operation) throws LinuxException {
    if (closed) {
      throw new LinuxException(Errno.EBADF, operation, "netlink socket is closed");
    }
  }

  /**
   * Sends the request and collects its answer. Ends at the ACK (NLMSG_ERROR 0), at NLMSG_DONE,
   * or at a single non-multipart reply when no ACK was asked for. A kernel error becomes a
   * NetlinkException with its errno, the request's operation and the extended-ACK text; no
   * complete answer within the reply timeout gives ETIMEDOUT.
   */
  public synchronized NetlinkReply request(NetlinkRequest request) throws LinuxException {
    requireOpen(request.operation());
    if (!groups.isEmpty()) {
      throw new IllegalStateException(this + " joined multicast groups " + groups
          + ": requests on it would drop notifications; use a second socket");
    }
    int seq = ++sequence;
    String operation = request.operation();
    ByteBuffer bytes = NetlinkMessageCodec.encode(request, seq, portId);
    if (sendBuffer == null || sendBuffer.capacity() < bytes.remaining()) {
      sendBuffer = ByteBuffer.allocateDirect(Math.max(4096, bytes.remaining())).order(ByteOrder.nativeOrder());
    }
    ByteBuffer out = sendBuffer.clear().put(bytes).flip();
    Syscalls.sendto(fd, out, kernelAddress.duplicate(), 0, operation);

    boolean wantsAck = (request.flags() & NetlinkUapi.NLM_F_ACK) != 0;
    List<NetlinkMessage> replies = new ArrayList<>();
    boolean interrupted = false;
    long timeoutNanos = options.replyTimeout().toNanos();
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      long remainingNanos = deadline - System.nanoTime();
      if (remainingNanos <= 0) {
        throw new NetlinkException(Errno.ETIMEDOUT, operation,
            "no complete reply within " + options.replyTimeout().toMillis() + " ms");
      }
      int revents = Syscalls.poll(fd, FileUapi.POLLIN, (int) Math.max(1, remainingNanos / 1_000_000L));
      if (revents == 0) {
        continue;
      }
      ByteBuffer datagram = receiveDatagram(0, operation);
      if (datagram == null) {
        continue;
      }
      Decoding<List<NetlinkMessage>> decoded = NetlinkMessageCodec.decode(datagram);
      if (decoded instanceof Decoding.Rejected<List<NetlinkMessage>> rejected) {
        throw new NetlinkException(Errno.EBADMSG, operation, "malformed reply: " + rejected.detail());
      }
      for (NetlinkMessage message : ((Decoding.Decoded<List<NetlinkMessage>>) decoded).value()) {
        NetlinkMessageHeader header = message.header();
        if (header.seq() != seq || header.pid() != portId) {
          LOG.debug("{}: skipping a stale message seq {} port {} (want seq {} port {})", operation,
              Integer.toUnsignedString(header.seq()), Integer.toUnsignedString(header.pid()),
              Integer.toUnsignedString(seq), Integer.toUnsignedString(portId));
          continue;
        }
        interrupted |= header.hasFlags(NetlinkUapi.NLM_F_DUMP_INTR);
        switch (header.type()) {
          case NetlinkUapi.NLMSG_NOOP:
            continue;
          case NetlinkUapi.NLMSG_OVERRUN:
            throw new NetlinkException(Errno.ENOBUFS, operation, "NLMSG_OVERRUN: data was lost");
          case NetlinkUapi.NLMSG_ERROR:
          case NetlinkUapi.NLMSG_DONE: {
            Decoding<NetlinkError> verdict = NetlinkErrorCodec.decode(message);
            if (verdict instanceof Decoding.Rejected<NetlinkError> bad) {
              throw new NetlinkException(Errno.EBADMSG, operation, "malformed acknowledgement: " + bad.detail());
            }
            NetlinkError error = ((Decoding.Decoded<NetlinkError>) verdict).value();
            if (!error.isAck()) {
              throw new NetlinkException(error.errno(), operation, error.message().orElse(null));
            }
            return new NetlinkReply(replies, interrupted);
          }
          default:
            replies.add(message);
            if (!header.hasFlags(NetlinkUapi.NLM_F_MULTI) && !wantsAck) {
              return new NetlinkReply(replies, interrupted);
            }
        }
      }
    }
  }

  /** Closes the descriptor; later calls do nothing. */
  @Override
  public synchronized void close() throws LinuxException {
    if (!closed) {
      closed = true;
      Syscalls.close(fd);
    }
  }

  @Override
  public String toString() {
    return "NetlinkSocket[protocol " + options.protocol() + ", port " + Integer.toUnsignedString(portId) + "]";
  }
}
