package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw IP socket for one protocol (VRRP, 112) on one interface, IPv4 or IPv6, set up the way
 * keepalived's vrrp_scheduler / vrrp.c open theirs:
 *
 * <ul>
 *   <li>TTL / hop limit 255 for multicast and unicast (RFC 3768 §7.1, RFC 5798 §5.1.1.3 and
 *       §5.1.2.3: receivers drop anything else), multicast loopback off, multicast output and
 *       SO_BINDTODEVICE on the interface, IP_MULTICAST_ALL off (only groups joined here);</li>
 *   <li>on receive the kernel attaches the destination and interface (IP_PKTINFO /
 *       IPV6_RECVPKTINFO) and the TTL / hop limit (IP_RECVTTL / IPV6_RECVHOPLIMIT), which
 *       {@link #receive} returns in a {@link ReceivedDatagram};</li>
 *   <li>the source address is chosen per send with IP_PKTINFO / IPV6_PKTINFO ancillary data,
 *       not bind(2), which would also filter what the socket receives.</li>
 * </ul>
 *
 * The kernel builds the IP header on send (no IP_HDRINCL); IPv4 receives include the header,
 * which {@link #receive} strips. The socket lives in the namespace of the thread that opened it.
 * Thread-safe: any thread may send while another receives; {@link #close} wakes a receiver
 * blocked in {@link #receive}, which then throws AsynchronousCloseException.
 */
public final class RawIpSocket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RawIpSocket.class);
  /** Enough for every cmsg this socket asks for (two ints and one in6_pktinfo: 3 x 40 at most). */
  private static final int CONTROL_BUFFER_BYTES = 256;

  /**
   * @param family           INET or INET6
   * @param protocol         the IP protocol, 1..255 ({@link InUapi#IPPROTO_VRRP})
   * @param interfaceIndex   the interface to send on, receive from and join groups on
   * @param hopLimit         TTL / hop limit of sent packets, unicast and multicast, 1..255
   * @param multicastLoop    whether our own multicasts come back to local sockets
   * @param trafficClass     IP_TOS / IPV6_TCLASS byte of sent packets, -1 for the kernel's 0
   * @param checksumOffset   IPv6 only (RFC 3542 §3.1, IPV6_CHECKSUM): the kernel fills the
   *                         checksum at this payload offset on send and drops received packets
   *                         whose checksum there is wrong; VRRPv3's is at 6; -1 disables
   * @param maxDatagramBytes the largest datagram {@link #receive} accepts; longer ones are
   *                         dropped and counted
   */
  public record Options(StandardProtocolFamily family, int protocol, int interfaceIndex,
      int hopLimit, boolean multicastLoop, int trafficClass, int checksumOffset,
      int maxDatagramBytes) {
    public Options {
      Objects.requireNonNull(family, "family");
      if (family != StandardProtocolFamily.INET && family != StandardProtocolFamily.INET6) {
        throw new IllegalArgumentException("raw IP sockets are INET or INET6, not " + family);
      }
      if (protocol < 1 || protocol > 255) {
        throw new IllegalArgumentException("IP protocol out of 1..255: " + protocol);
      }
      if (interfaceIndex <= 0) {
        throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
      }
      if (hopLimit < 1 || hopLimit > 255) {
        throw new IllegalArgumentException("hop limit out of 1..255: " + hopLimit);
      }
      if (trafficClass < -1 || trafficClass > 255) {
        throw new IllegalArgumentException("traffic class out of 0..255 (or -1): " + trafficClass);
      }
      if (checksumOffset < -1 || checksumOffset > 65534 || checksumOffset % 2 != 0 && checksumOffset != -1) {
        throw new IllegalArgumentException("checksum offset must be even (or -1): " + checksumOffset);
      }
      if (checksumOffset >= 0 && family != StandardProtocolFamily.INET6) {
        throw new IllegalArgumentException("IPV6_CHECKSUM is an IPv6 option");
      }
      if (maxDatagramBytes < 64 || maxDatagramBytes > 65535) {
        throw new IllegalArgumentException("max datagram out of 64..65535: " + maxDatagramBytes);
      }
    }

    /**
     * keepalived's VRRP socket on an interface: protocol 112, TTL / hop limit 255, loopback off,
     * TOS / traffic class 0xc0 (IPTOS_PREC_INTERNETCONTROL, as its adverts carry), no kernel
     * checksum, datagrams up to 65535 bytes.
     */
    public static Options vrrp(StandardProtocolFamily family, int interfaceIndex) {
      return new Options(family, InUapi.IPPROTO_VRRP, interfaceIndex, 255, false,
          InUapi.IPTOS_PREC_INTERNETCONTROL, -1, 65535);
    }

    public Options withProtocol(int newProtocol) {
      return new Options(family, newProtocol, interfaceIndex, hopLimit, multicastLoop, trafficClass,
          checksumOffset, maxDatagramBytes);
    }

    public Options withHopLimit(int newHopLimit) {
      return new Options(family, protocol, interfaceIndex, newHopLimit, multicastLoop, trafficClass,
          checksumOffset, maxDatagramBytes);
    }

    public Options withMulticastLoop(boolean loop) {
      return new Options(family, protocol, interfaceIndex, hopLimit, loop, trafficClass,
          checksumOffset, maxDatagramBytes);
    }

    public Options withTrafficClass(int newTrafficClass) {
      return new Options(family, protocol, interfaceIndex, hopLimit, multicastLoop, newTrafficClass,
          checksumOffset, maxDatagramBytes);
    }

    public Options withChecksumOffset(int offset) {
      return new Options(family, protocol, interfaceIndex, hopLimit, multicastLoop, trafficClass,
          offset, maxDatagramBytes);
    }

    public Options withMaxDatagramBytes(int bytes) {
      return new Options(family, protocol, interfaceIndex, hopLimit, multicastLoop, trafficClass,
          checksumOffset, bytes);
    }
  }

  private final Options options;
  private final WakeableDescriptor descriptor;
  private final boolean ipv6;
  private final String what;
  private final AtomicLong dropped = new AtomicLong();

  private RawIpSocket(Options options, WakeableDescriptor descriptor, String what) {
    this.options = options;
    this.descriptor = descriptor;
    this.ipv6 = options.family() == StandardProtocolFamily.INET6;
    this.what = what;
  }

  /** Opens the socket in the calling thread's network namespace. */
  public static RawIpSocket open(Options options) throws LinuxException {
    boolean v6 = options.family() == StandardProtocolFamily.INET6;
    String what = "raw " + (v6 ? "IPv6" : "IPv4") + " proto " + options.protocol()
        + " ifindex " + options.interfaceIndex();
    int fd = Syscalls.socket(v6 ? SocketUapi.AF_INET6 : SocketUapi.AF_INET,
        SocketUapi.SOCK_RAW | SocketUapi.SOCK_CLOEXEC, options.protocol());
    try {
      configure(fd, options, v6);
    } catch (LinuxException | RuntimeException e) {
      Syscalls.closeAfterFailure(fd, e);
      throw e;
    }
    return new RawIpSocket(options, WakeableDescriptor.of(fd, what), what);
  }

  /** Opens the socket inside {@code namespace} (on a short-lived thread there); it stays there. */
  public static RawIpSocket open(NetworkNamespace namespace, Options options) throws IOException {
    return namespace.call(() -> open(options));
  }

  private static void configure(int fd, Options options, boolean v6) throws LinuxException {
    int ifindex = options.interfaceIndex();
    // SO_BINDTODEVICE (socket(7)) takes the name: resolve it in this namespace.
    byte[] name = Syscalls.ifIndexToName(ifindex).getBytes(StandardCharsets.US_ASCII);
    ByteBuffer device = ByteBuffer.allocateDirect(Syscalls.IF_NAMESIZE);
    device.put(name).put((byte) 0).flip();
    Syscalls.setsockopt(fd, SocketUapi.SOL_SOCKET, SocketUapi.SO_BINDTODEVICE, device, "SO_BINDTODEVICE");
    if (v6) {
      int level = SocketUapi.SOL_IPV6;
      Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_MULTICAST_HOPS, options.hopLimit(), "IPV6_MULTICAST_HOPS");
      Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_UNICAST_HOPS, options.hopLimit(), "IPV6_UNICAST_HOPS");
      Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_MULTICAST_LOOP, options.multicastLoop() ? 1 : 0,
          "IPV6_MULTICAST_LOOP");
      Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF");
      Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
      Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
      if (options.trafficClass() >= 0) {
        Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_TCLASS, options.trafficClass(), "IPV6_TCLASS");
      }
      if (options.checksumOffset() >= 0) {
        Syscalls.setsockoptInt(fd, level, In6Uapi.IPV6_CHECKSUM, options.checksumOffset(), "IPV6_CHECKSUM");
      }
      optional(fd, level, In6Uapi.IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL");
    } else {
      int level = SocketUapi.SOL_IP;
      Syscalls.setsockoptInt(fd, level, InUapi.IP_MULTICAST_TTL, options.hopLimit(), "IP_MULTICAST_TTL");
      Syscalls.setsockoptInt(fd, level, InUapi.IP_TTL, options.hopLimit(), "IP_TTL");
      Syscalls.setsockoptInt(fd, level, InUapi.IP_MULTICAST_LOOP, options.multicastLoop() ? 1 : 0,
          "IP_MULTICAST_LOOP");
      Syscalls.setsockopt(fd, level, InUapi.IP_MULTICAST_IF, ipMreqn(null, ifindex), "IP_MULTICAST_IF");
      Syscalls.setsockoptInt(fd, level, InUapi.IP_PKTINFO, 1, "IP_PKTINFO");
      Syscalls.setsockoptInt(fd, level, InUapi.IP_RECVTTL, 1, "IP_RECVTTL");
      if (options.trafficClass() >= 0) {
        Syscalls.setsockoptInt(fd, level, InUapi.IP_TOS, options.trafficClass(), "IP_TOS");
      }
      Syscalls.setsockoptInt(fd, level, InUapi.IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL");
    }
  }

  private static void optional(int fd, int level, int option, int value, String name)
      throws LinuxException {
    try {
      Syscalls.setsockoptInt(fd, level, option, value, name);
    } catch (LinuxException e) {
      if (e.errno() != Errno.ENOPROTOOPT) {
        throw e;
      }
      LOG.debug("kernel lacks {}; continuing without it", name);
    }
  }

  /** struct ip_mreqn { be32 imr_multiaddr; be32 imr_address; int imr_ifindex; } (uapi/linux/in.h) */
  private static ByteBuffer ipMreqn(Inet4Address group, int ifindex) {
    ByteBuffer mreq = ByteBuffer.allocateDirect(InUapi.IP_MREQN_SIZE).order(ByteOrder.nativeOrder());
    if (group != null) {
      mreq.put(0, group.getAddress());
    }
    mreq.putInt(8, ifindex);
    return mreq;
  }

  /** struct ipv6_mreq { struct in6_addr ipv6mr_multiaddr; int ipv6mr_ifindex; } (uapi/linux/in6.h) */
  private static ByteBuffer ipv6Mreq(Inet6Address group, int ifindex) {
    ByteBuffer mreq = ByteBuffer.allocateDirect(In6Uapi.IPV6_MREQ_SIZE).order(ByteOrder.nativeOrder());
    mreq.put(0, group.getAddress());
    mreq.putInt(16, ifindex);
    return mreq;
  }

  public Options options() {
    return options;
  }

  /**
   * Joins {@code group} (224.0.0.18, ff02::12) on the socket's interface: IP_ADD_MEMBERSHIP
   * with an ip_mreqn naming the interface by index, or IPV6_JOIN_GROUP. The kernel sends the
   * IGMP / MLD report; without membership it drops the group's packets before any raw socket.
   */
  public void joinGroup(InetAddress group) throws IOException {
    membership(group, true);
  }

  /** Leaves a group joined with {@link #joinGroup} (IP_DROP_MEMBERSHIP / IPV6_LEAVE_GROUP). */
  public void leaveGroup(InetAddress group) throws IOException {
    membership(group, false);
  }

  private void membership(InetAddress group, boolean join) throws IOException {
    Objects.requireNonNull(group, "group");
    if (!group.isMulticastAddress()) {
      throw new IllegalArgumentException("not a multicast group: " + group.getHostAddress());
    }
    checkFamily(group, "group");
    int fd = descriptor.acquire();
    try {
      if (group instanceof Inet6Address v6) {
        Syscalls.setsockopt(fd, SocketUapi.SOL_IPV6,
            join ? In6Uapi.IPV6_ADD_MEMBERSHIP : In6Uapi.IPV6_DROP_MEMBERSHIP,
            ipv6Mreq(v6, options.interfaceIndex()),
            (join ? "IPV6_JOIN_GROUP " : "IPV6_LEAVE_GROUP ") + v6.getHostAddress());
      } else {
        Syscalls.setsockopt(fd, SocketUapi.SOL_IP,
            join ? InUapi.IP_ADD_MEMBERSHIP : InUapi.IP_DROP_MEMBERSHIP,
            ipMreqn((Inet4Address) group, options.interfaceIndex()),
            (join ? "IP_ADD_MEMBERSHIP " : "IP_DROP_MEMBERSHIP ") + group.getHostAddress());
      }
    } finally {
      descriptor.release();
    }
  }

  private void checkFamily(InetAddress address, String role) {
    if ((address instanceof Inet6Address) != ipv6) {
      throw new IllegalArgumentException(role + " " + address.getHostAddress() + " is not "
          + (ipv6 ? "IPv6" : "IPv4") + " like this socket");
    }
  }

  /** Sends {@code payload}'s remaining bytes to {@code destination}; the kernel picks the source. */
  public int send(ByteBuffer payload, InetAddress destination) throws IOException {
    return send(payload, destination, null);
  }

  /**
   * Sends {@code payload}'s remaining bytes (the VRRP packet; the kernel adds the IP header) to
   * {@code destination} (a group or a unicast peer) from {@code source} (null: the kernel's
   * choice), out of the socket's interface. The source goes in IP_PKTINFO ipi_spec_dst /
   * IPV6_PKTINFO ipi6_addr and must be an address of this host (else EINVAL / EADDRNOTAVAIL);
   * for VRRPv3 over IPv6 it is the interface's link-local address (RFC 5798 §5.1.2.1).
   * Returns the bytes sent; payload's position advances by them.
   */
  public int send(ByteBuffer payload, InetAddress destination, InetAddress source) throws IOException {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(destination, "destination");
    checkFamily(destination, "destination");
    ByteBuffer control = null;
    if (source != null) {
      checkFamily(source, "source");
      ControlMessage info = source instanceof Inet6Address v6
          ? ControlMessages.encodeIpv6PacketInfo(
              new Ipv6PacketInfo(ControlMessages.inet6(v6.getAddress()), options.interfaceIndex()))
          : ControlMessages.encodeIpv4PacketInfo(new Ipv4PacketInfo(options.interfaceIndex(),
              (Inet4Address) source, ControlMessages.inet4(new byte[4])));
      control = ControlMessages.encode(List.of(info));
    }
    ByteBuffer address = SocketAddresses.encode(destination, options.interfaceIndex());
    int fd = descriptor.acquire();
    try {
      return Syscalls.sendmsg(fd, payload, address, control, 0,
          what + " to " + destination.getHostAddress()
              + (source == null ? "" : " from " + source.getHostAddress()));
    } finally {
      descriptor.release();
    }
  }

  /**
   * Waits up to {@code timeout} for a datagram and returns it, or empty when the time passed.
   * Datagrams the socket cannot describe (truncated, missing their control messages, a bad
   * IPv4 header) are dropped and counted ({@link #droppedDatagrams}), never thrown. Throws
   * AsynchronousCloseException when the socket is closed meanwhile, ClosedChannelException when
   * it already was.
   */
  public Optional<ReceivedDatagram> receive(Duration timeout) throws IOException {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("negative timeout: " + timeout);
    }
    long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
    int fd = descriptor.acquire();
    try {
      ByteBuffer data = ByteBuffer.allocate(options.maxDatagramBytes() + 1);
      ByteBuffer source = ByteBuffer.allocate(In6Uapi.SOCKADDR_IN6_SIZE);
      ByteBuffer control = ByteBuffer.allocate(CONTROL_BUFFER_BYTES);
      while (true) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return Optional.empty();
        }
        long millis = Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000);
        if (!descriptor.awaitReadable((int) millis)) {
          continue;
        }
        data.clear();
        source.clear();
        control.clear();
        Syscalls.ReceivedMessage message;
        try {
          message = Syscalls.recvmsg(fd, data, source, control, SocketUapi.MSG_DONTWAIT, what);
        } catch (LinuxException e) {
          if (e.errno() == Errno.EAGAIN) {
            continue; // another receiver took it
          }
          throw e;
        }
        data.flip();
        Optional<ReceivedDatagram> datagram = describe(message, data, source, control);
        if (datagram.isPresent()) {
          return datagram;
        }
        dropped.incrementAndGet();
      }
    } finally {
      descriptor.release();
    }
  }

  private Optional<ReceivedDatagram> describe(Syscalls.ReceivedMessage message, ByteBuffer data,
      ByteBuffer source, ByteBuffer control) {
    if ((message.flags() & (SocketUapi.MSG_TRUNC | SocketUapi.MSG_CTRUNC)) != 0
        || message.length() > options.maxDatagramBytes()) {
      LOG.debug("{}: dropping a truncated datagram of {} bytes", what, message.length());
      return Optional.empty();
    }
    InetAddress from = SocketAddresses.decode(source);
    InetAddress to = null;
    int ifindex = 0;
    OptionalInt hops = OptionalInt.empty();
    for (ControlMessage cmsg : ControlMessages.decode(control)) {
      if (ipv6) {
        Optional<Ipv6PacketInfo> info = ControlMessages.decodeIpv6PacketInfo(cmsg);
        if (info.isPresent()) {
          to = info.get().address();
          ifindex = info.get().interfaceIndex();
        }
        OptionalInt h = ControlMessages.intValue(cmsg, SocketUapi.SOL_IPV6, In6Uapi.IPV6_HOPLIMIT);
        hops = h.isPresent() ? h : hops;
      } else {
        Optional<Ipv4PacketInfo> info = ControlMessages.decodeIpv4PacketInfo(cmsg);
        if (info.isPresent()) {
          to = info.get().destination();
          ifindex = info.get().interfaceIndex();
        }
        OptionalInt h = ControlMessages.intValue(cmsg, SocketUapi.SOL_IP, InUapi.IP_TTL);
        hops = h.isPresent() ? h : hops;
      }
    }
    if (from == null || to == null || ifindex <= 0 || hops.isEmpty()
        || hops.getAsInt() < 0 || hops.getAsInt() > 255) {
      LOG.debug("{}: dropping a datagram without source, PKTINFO or TTL (from {}, to {}, ifindex {}, ttl {})",
          what, from, to, ifindex, hops);
      return Optional.empty();
    }
    if (!ipv6) {
      // The kernel validated the header (ip_rcv_core: version 4, ihl >= 5, within the packet).
      if (data.remaining() < 20 || (data.get(0) >> 4 & 0xf) != 4
          || (data.get(0) & 0xf) * 4 > data.remaining()) {
        LOG.debug("{}: dropping a datagram with a malformed IPv4 header", what);
        return Optional.empty();
      }
      data.position((data.get(0) & 0xf) * 4);
    } else if (to instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
      to = scoped(v6, ifindex);
    }
    return Optional.of(new ReceivedDatagram(data, from, to, hops.getAsInt(), ifindex));
  }

  private static Inet6Address scoped(Inet6Address address, int scopeId) {
    try {
      return Inet6Address.getByAddress(null, address.getAddress(), scopeId);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Datagrams {@link #receive} dropped since the socket opened. */
  public long droppedDatagrams() {
    return dropped.get();
  }

  public boolean isOpen() {
    return descriptor.isOpen();
  }

  /**
   * Closes the socket, waking a thread blocked in {@link #receive}; the descriptor is released
   * once the last call in progress returns. Later calls do nothing.
   */
  @Override
  public void close() throws LinuxException {
    descriptor.close();
  }

  @Override
  public String toString() {
    return "RawIpSocket[" + descriptor + "]";
  }
}
