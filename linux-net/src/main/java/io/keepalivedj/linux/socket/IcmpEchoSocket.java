package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.packet.IcmpEcho;
import io.keepalivedj.linux.packet.IcmpEchoCodec;
import io.keepalivedj.linux.packet.IcmpEchoType;
import io.keepalivedj.linux.sysctl.PingGroupRange;
import io.keepalivedj.linux.sysctl.Sysctl;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unprivileged ICMP echo ("ping") socket, icmp(7): {@code socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP)} or {@code socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6)}, as keepalived's
 * PING_CHECK uses. The kernel's rules for these sockets (net/ipv4/ping.c):
 *
 * <ul>
 *   <li>only members of a group in {@code net.ipv4.ping_group_range} may open one (root too;
 *       a new namespace allows nobody): on EACCES {@link #open} widens the range to the
 *       caller's effective gid, with a WARN naming the old and new value, as keepalived does;</li>
 *   <li>the socket has a "port", the echo identifier, picked on bind; the kernel writes it
 *       into every request sent (whatever the caller put there), computes the checksum, and
 *       delivers only echo replies carrying it (and, once bound to an address or device, only
 *       those to it), ICMP payload only, no IP header;</li>
 *   <li>with IP_RECVERR / IPV6_RECVERR, ICMP errors about our requests (host unreachable from
 *       a router, or from this host when neighbour resolution fails) queue on the socket's
 *       error queue with the request they quote: {@link #receive} returns them.</li>
 * </ul>
 *
 * Non-blocking; one socket serves any number of destinations and outstanding requests (the
 * caller tells replies apart by source, sequence and payload). Opened in the calling thread's
 * network namespace. Thread confinement: {@link #receive} and {@link #close} on one thread (the
 * receiver; {@link IcmpEchoSelector} polls from it), {@link #send} from any thread: close
 * waits for a send in progress so a descriptor number is never reused under it.
 */
public final class IcmpEchoSocket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IcmpEchoSocket.class);

  /** uapi/linux/in.h. */
  public static final int IPPROTO_ICMP = 1;
  /** uapi/asm-generic/socket.h: the fwmark of every packet the socket sends. */
  public static final int SO_MARK = 36;
  /** Replies longer than this are dropped as malformed: ours carry a few bytes. */
  static final int MAX_REPLY_BYTES = 2048;
  /** The error item: sock_extended_err plus a sockaddr_in6 offender, padded (CMSG_SPACE(44)). */
  private static final int ERROR_CONTROL_BYTES = 128;

  /**
   * How the socket is set up; everything optional maps to a keepalived.conf(5) checker keyword.
   *
   * @param family INET (ICMP) or INET6 (ICMPv6)
   * @param source {@code bindto}: the source address, bound (so replies to it only); else the
   *               kernel picks per destination
   * @param device {@code bind_if}: SO_BINDTODEVICE, sends leave and replies arrive on it only;
   *               also the scope of IPv6 link-local addresses
   * @param mark   {@code fwmark}: SO_MARK on every request (needs CAP_NET_ADMIN), 0-4294967295
   */
  public record Options(StandardProtocolFamily family, Optional<InetAddress> source,
      Optional<String> device, OptionalLong mark) {
    public Options {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(mark, "mark");
      if (family != StandardProtocolFamily.INET && family != StandardProtocolFamily.INET6) {
        throw new IllegalArgumentException("ICMP echo sockets are INET or INET6, not " + family);
      }
      source.ifPresent(a -> {
        if ((a instanceof Inet6Address) != (family == StandardProtocolFamily.INET6)) {
          throw new IllegalArgumentException("source " + a.getHostAddress() + " is not " + family);
        }
      });
      device.ifPresent(name -> {
        if (name.isEmpty() || name.length() >= Syscalls.IF_NAMESIZE || name.indexOf('/') >= 0
            || name.indexOf('\0') >= 0) {
          throw new IllegalArgumentException("not an interface name: '" + name + "'");
        }
      });
      mark.ifPresent(m -> {
        if (m < 0 || m > 0xffff_ffffL) {
          throw new IllegalArgumentException("fwmark out of 0..4294967295: " + m);
        }
      });
    }

    /** A socket of {@code family} with the kernel's choices for everything else. */
    public static Options of(StandardProtocolFamily family) {
      return new Options(family, Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    public Options withSource(InetAddress address) {
      return new Options(family, Optional.of(address), device, mark);
    }

    public Options withDevice(String name) {
      return new Options(family, source, Optional.of(name), mark);
    }

    public Options withMark(long value) {
      return new Options(family, source, device, OptionalLong.of(value));
    }
  }

  /** What {@link #receive} found. */
  public sealed interface Received {
  }

  /** An echo reply to this socket's identifier from {@code source}. */
  public record Reply(InetAddress source, IcmpEcho echo) implements Received {
    public Reply {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(echo, "echo");
    }
  }

  /**
   * An error about a request this socket sent to {@code destination}: {@code request} is the
   * request as quoted back (empty when the quote is not an echo request); {@code error} says
   * what and who (the offender).
   */
  public record Error(InetAddress destination, Optional<IcmpEcho> request, ExtendedError error)
      implements Received {
    public Error {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(error, "error");
    }
  }

  /** Something arrived that is not a well-formed echo reply: dropped, reason given. */
  public record Malformed(String reason) implements Received {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final Options options;
  private final int fd;
  private final int identifier;
  private final int deviceIndex;
  private final String what;
  private final ByteBuffer replyBuffer = ByteBuffer.allocateDirect(MAX_REPLY_BYTES);
  private final ByteBuffer sourceBuffer = ByteBuffer.allocateDirect(In6Uapi.SOCKADDR_IN6_SIZE);
  private boolean closed;

  private IcmpEchoSocket(Options options, int fd, int identifier, int deviceIndex, String what) {
    this.options = options;
    this.fd = fd;
    this.identifier = identifier;
    this.deviceIndex = deviceIndex;
    this.what = what;
  }

  /**
   * Opens, configures and binds the socket in the calling thread's network namespace; widens
   * net.ipv4.ping_group_range there first if the kernel refuses the socket (EACCES).
   */
  public static IcmpEchoSocket open(Options options) throws LinuxException {
    Objects.requireNonNull(options, "options");
    boolean v6 = options.family() == StandardProtocolFamily.INET6;
    String what = (v6 ? "ICMPv6" : "ICMP") + " echo socket"
        + options.source().map(a -> " from " + a.getHostAddress()).orElse("")
        + options.device().map(d -> " on " + d).orElse("")
        + (options.mark().isPresent() ? " fwmark " + options.mark().getAsLong() : "");
    int fd = create(v6);
    try {
      int deviceIndex = 0;
      if (options.device().isPresent()) {
        String name = options.device().get();
        deviceIndex = Syscalls.ifNameToIndex(name);
        ByteBuffer device = ByteBuffer.allocateDirect(Syscalls.IF_NAMESIZE);
        device.put(name.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).flip();
        Syscalls.setsockopt(fd, SocketUapi.SOL_SOCKET, SocketUapi.SO_BINDTODEVICE, device,
            "SO_BINDTODEVICE " + name);
      }
      if (options.mark().isPresent()) {
        Syscalls.setsockoptInt(fd, SocketUapi.SOL_SOCKET, SO_MARK, (int) options.mark().getAsLong(),
            "SO_MARK " + options.mark().getAsLong());
      }
      if (v6) {
        Syscalls.setsockoptInt(fd, SocketUapi.SOL_IPV6, ErrqueueUapi.IPV6_RECVERR, 1, "IPV6_RECVERR");
      } else {
        Syscalls.setsockoptInt(fd, SocketUapi.SOL_IP, ErrqueueUapi.IP_RECVERR, 1, "IP_RECVERR");
      }
      // Bind even without a source: port 0 makes the kernel pick the identifier now, so the
      // caller can log it and the first send needs no autobind.
      InetAddress local = options.source().orElse(v6 ? anyV6() : anyV4());
      Syscalls.bind(fd, SocketAddresses.encode(local, deviceIndex), what + " to " + local.getHostAddress());
      ByteBuffer bound = Syscalls.getsockname(fd, In6Uapi.SOCKADDR_IN6_SIZE);
      // sin_port / sin6_port, network order, at offset 2 of both sockaddrs.
      int identifier = bound.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff;
      return new IcmpEchoSocket(options, fd, identifier, deviceIndex, what);
    } catch (LinuxException | RuntimeException e) {
      Syscalls.closeAfterFailure(fd, e);
      throw e;
    }
  }

  private static int create(boolean v6) throws LinuxException {
    int domain = v6 ? SocketUapi.AF_INET6 : SocketUapi.AF_INET;
    int type = SocketUapi.SOCK_DGRAM | SocketUapi.SOCK_NONBLOCK | SocketUapi.SOCK_CLOEXEC;
    int protocol = v6 ? In6Uapi.IPPROTO_ICMPV6 : IPPROTO_ICMP;
    try {
      return Syscalls.socket(domain, type, protocol);
    } catch (LinuxException e) {
      if (e.errno() != Errno.EACCES || !allowOurGroup()) {
        throw e;
      }
      return Syscalls.socket(domain, type, protocol);
    }
  }

  /**
   * Widens this namespace's ping_group_range to our effective gid; false when it already held
   * it (the EACCES has another cause, which the caller reports).
   */
  private static boolean allowOurGroup() throws LinuxException {
    long gid = effectiveGid();
    Sysctl sysctl = Sysctl.current();
    PingGroupRange before = PingGroupRange.read(sysctl);
    Optional<PingGroupRange> after = before.including(gid);
    if (after.isEmpty()) {
      return false;
    }
    after.get().write(sysctl);
    LOG.warn("sysctl net.ipv4.ping_group_range changed from '{}' to '{}' so gid {} may open ICMP echo"
        + " sockets for PING_CHECK (keepalived does the same)", before, after.get(), gid);
    return true;
  }

  /** The effective gid, the one ping_init_sock checks: the second number of /proc/self/status "Gid:". */
  static long effectiveGid() throws LinuxException {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("Gid:")) {
          return Long.parseLong(line.substring(4).strip().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new LinuxException(Errno.EIO, "read effective gid from /proc/self/status", e.toString());
    }
    throw new LinuxException(Errno.EBADMSG, "read effective gid from /proc/self/status", "no Gid: line");
  }

  private static InetAddress anyV4() {
    return ControlMessages.inet4(new byte[4]);
  }

  private static InetAddress anyV6() {
    return ControlMessages.inet6(new byte[16]);
  }

  public Options options() {
    return options;
  }

  /** The echo identifier the kernel gave this socket (its bound "port"). */
  public int identifier() {
    return identifier;
  }

  /** The descriptor, for {@link IcmpEchoSelector}. */
  int descriptor() {
    return fd;
  }

  /**
   * Sends an echo request with {@code sequence} and {@code payload}'s remaining bytes (position
   * unchanged) to {@code destination}, without blocking. An IPv6 link-local destination without
   * a scope gets the socket's device. Throws LinuxException naming the errno: EHOSTUNREACH /
   * ENETUNREACH when routing refuses at once, EAGAIN when the send buffer is full,
   * ClosedChannelException after close.
   */
  public void send(InetAddress destination, int sequence, ByteBuffer payload) throws IOException {
    Objects.requireNonNull(destination, "destination");
    if ((destination instanceof Inet6Address) != (options.family() == StandardProtocolFamily.INET6)) {
      throw new IllegalArgumentException("destination " + destination.getHostAddress() + " is not " + options.family());
    }
    IcmpEcho request = new IcmpEcho(IcmpEchoType.request(options.family()), identifier, sequence, payload);
    ByteBuffer bytes = ByteBuffer.allocateDirect(IcmpEchoCodec.HEADER_SIZE + request.payloadLength());
    bytes.put(IcmpEchoCodec.encode(request)).flip();
    ByteBuffer address = SocketAddresses.encode(destination, deviceIndex);
    synchronized (this) {
      if (closed) {
        throw new ClosedChannelException();
      }
      Syscalls.sendto(fd, bytes, address, SocketUapi.MSG_DONTWAIT,
          what + " to " + destination.getHostAddress() + " seq " + sequence);
    }
  }

  /**
   * The next queued error or reply, without blocking; empty when nothing is queued. Errors come
   * first: the kernel also reports the newest one as a pending socket error, which would
   * otherwise fail the next data read.
   */
  public Optional<Received> receive() throws IOException {
    if (isClosedNow()) {
      throw new ClosedChannelException();
    }
    Optional<Received> error = receiveError();
    if (error.isPresent()) {
      return error;
    }
    replyBuffer.clear();
    sourceBuffer.clear();
    int length;
    try {
      length = Syscalls.recvfrom(fd, replyBuffer, sourceBuffer, SocketUapi.MSG_DONTWAIT | SocketUapi.MSG_TRUNC, what);
    } catch (LinuxException e) {
      if (e.errno() == Errno.EAGAIN) {
        return Optional.empty();
      }
      // The pending socket error (sk_err) of an ICMP error that raced in after receiveError:
      // its details are on the error queue, read next time.
      return receiveError().or(() -> Optional.of(new Malformed("socket error " + e.getMessage())));
    }
    if (length > MAX_REPLY_BYTES) {
      return Optional.of(new Malformed("reply of " + length + " bytes, over " + MAX_REPLY_BYTES));
    }
    InetAddress source = SocketAddresses.decode(sourceBuffer);
    if (source == null) {
      return Optional.of(new Malformed("reply without a source address"));
    }
    replyBuffer.flip();
    IcmpEchoCodec.Decoded decoded = IcmpEchoCodec.decode(options.family(), replyBuffer);
    if (decoded instanceof IcmpEchoCodec.Echo echo) {
      if (!echo.echo().type().isReply()) {
        return Optional.of(new Malformed("an echo request, not a reply, from " + source.getHostAddress()));
      }
      return Optional.of(new Reply(source, echo.echo()));
    } else if (decoded instanceof IcmpEchoCodec.Rejected rejected) {
      return Optional.of(new Malformed(rejected.reason() + " from " + source.getHostAddress()));
    } else {
      throw new AssertionError(decoded);
    }
  }

  private Optional<Received> receiveError() throws LinuxException {
    ByteBuffer quote = ByteBuffer.allocate(MAX_REPLY_BYTES);
    ByteBuffer destination = ByteBuffer.allocate(In6Uapi.SOCKADDR_IN6_SIZE);
    ByteBuffer control = ByteBuffer.allocate(ERROR_CONTROL_BYTES);
    try {
      Syscalls.recvmsg(fd, quote, destination, control,
          ErrqueueUapi.MSG_ERRQUEUE | SocketUapi.MSG_DONTWAIT, what + " error queue");
    } catch (LinuxException e) {
      if (e.errno() == Errno.EAGAIN) {
        return Optional.empty();
      }
      throw e;
    }
    quote.flip();
    Optional<ExtendedError> error = Optional.empty();
    for (ControlMessage cmsg : ControlMessages.decode(control)) {
      error = error.or(() -> ControlMessages.decodeExtendedError(cmsg));
    }
    InetAddress to = SocketAddresses.decode(destination);
    if (error.isEmpty() || to == null) {
      return Optional.of(new Malformed("error queue entry without sock_extended_err or destination"));
    }
    IcmpEchoCodec.Decoded decoded = IcmpEchoCodec.decodeQuoted(options.family(), quote);
    Optional<IcmpEcho> request = decoded instanceof IcmpEchoCodec.Echo echo && !echo.echo().type().isReply()
        ? Optional.of(echo.echo()) : Optional.empty();
    return Optional.of(new Error(to, request, error.get()));
  }

  private synchronized boolean isClosedNow() {
    return closed;
  }

  public synchronized boolean isOpen() {
    return !closed;
  }

  /** Closes the descriptor, after a send in progress on another thread. Later calls do nothing. */
  @Override
  public void close() throws LinuxException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      Syscalls.close(fd);
    }
  }

  @Override
  public String toString() {
    return what + " id " + identifier + (isOpen() ? "" : " (closed)");
  }
}
