package io.keepalivedj.linux.packet;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.socket.WakeableDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AF_PACKET socket (packet(7)) bound to one interface: sends gratuitous ARPs and neighbour
 * advertisements as keepalived does (it writes whole frames, so the Ethernet source and the
 * IPv6 source can be a VIP's), and receives frames of one EtherType for tests and captures.
 * It lives in the namespace of the thread that opened it. The socket is made with protocol 0,
 * which receives nothing, and bind(2) then names the interface and EtherType, so no frame of
 * another interface is queued in between. Thread-safe; {@link #close} wakes a receiver.
 */
public final class PacketSocket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PacketSocket.class);

  /** SOCK_RAW: frames include the link-layer header. SOCK_DGRAM: the kernel adds / strips it. */
  public enum Kind {
    RAW(SocketUapi.SOCK_RAW), DGRAM(SocketUapi.SOCK_DGRAM);

    private final int socketType;

    Kind(int socketType) {
      this.socketType = socketType;
    }

    public int socketType() {
      return socketType;
    }
  }

  /**
   * @param kind           RAW or DGRAM
   * @param protocol       the EtherType to receive (ETH_P_ARP, ETH_P_IPV6, ETH_P_ALL for
   *                       everything), 0 for a send-only socket that receives nothing
   * @param interfaceIndex the interface to send on and receive from
   * @param ignoreOutgoing don't receive frames this host sends (PACKET_IGNORE_OUTGOING, 4.20)
   * @param maxFrameBytes  longer frames are dropped and counted by {@link #receive}
   */
  public record Options(Kind kind, int protocol, int interfaceIndex, boolean ignoreOutgoing,
      int maxFrameBytes) {
    public Options {
      Objects.requireNonNull(kind, "kind");
      if (protocol < 0 || protocol > 0xffff) {
        throw new IllegalArgumentException("EtherType out of 16 bits: " + protocol);
      }
      if (interfaceIndex <= 0) {
        throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
      }
      if (maxFrameBytes < 64 || maxFrameBytes > 65535) {
        throw new IllegalArgumentException("max frame out of 64..65535: " + maxFrameBytes);
      }
    }

    /** A SOCK_RAW socket that only sends, as keepalived's GARP / NA socket. */
    public static Options sender(int interfaceIndex) {
      return new Options(Kind.RAW, 0, interfaceIndex, false, 65535);
    }

    /** A SOCK_RAW socket receiving every frame of {@code protocol} on the interface. */
    public static Options capture(int protocol, int interfaceIndex) {
      return new Options(Kind.RAW, protocol, interfaceIndex, false, 65535);
    }

    public Options withKind(Kind newKind) {
      return new Options(newKind, protocol, interfaceIndex, ignoreOutgoing, maxFrameBytes);
    }

    public Options withIgnoreOutgoing(boolean ignore) {
      return new Options(kind, protocol, interfaceIndex, ignore, maxFrameBytes);
    }
  }

  private final Options options;
  private final WakeableDescriptor descriptor;
  private final String what;
  private final AtomicLong dropped = new AtomicLong();

  private PacketSocket(Options options, WakeableDescriptor descriptor, String what) {
    this.options = options;
    this.descriptor = descriptor;
    this.what = what;
  }

  /** Opens the socket in the calling thread's network namespace. */
  public static PacketSocket open(Options options) throws LinuxException {
    String what = "packet " + options.kind() + " 0x" + Integer.toHexString(options.protocol())
        + " ifindex " + options.interfaceIndex();
    int fd = Syscalls.socket(SocketUapi.AF_PACKET, options.kind().socketType() | SocketUapi.SOCK_CLOEXEC, 0);
    try {
      if (options.ignoreOutgoing()) {
        try {
          Syscalls.setsockoptInt(fd, SocketUapi.SOL_PACKET, IfPacketUapi.PACKET_IGNORE_OUTGOING, 1,
              "PACKET_IGNORE_OUTGOING");
        } catch (LinuxException e) {
          if (e.errno() != Errno.ENOPROTOOPT) {
            throw e;
          }
          LOG.debug("kernel lacks PACKET_IGNORE_OUTGOING; outgoing frames will be received too");
        }
      }
      Syscalls.bind(fd, sockaddrLl(options.protocol(), options.interfaceIndex(), null), what);
    } catch (LinuxException | RuntimeException e) {
      Syscalls.closeAfterFailure(fd, e);
      throw e;
    }
    return new PacketSocket(options, WakeableDescriptor.of(fd, what), what);
  }

  /** Opens the socket inside {@code namespace}; it stays there. */
  public static PacketSocket open(NetworkNamespace namespace, Options options) throws IOException {
    return namespace.call(() -> open(options));
  }

  /** struct sockaddr_ll; {@code destination} null leaves sll_halen 0. */
  private static ByteBuffer sockaddrLl(int protocol, int ifindex, MacAddress destination) {
    ByteBuffer address = ByteBuffer.allocateDirect(IfPacketUapi.SOCKADDR_LL_SIZE).order(ByteOrder.nativeOrder());
    address.putShort(0, (short) SocketUapi.AF_PACKET);
    address.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) protocol).order(ByteOrder.nativeOrder());
    address.putInt(4, ifindex);
    if (destination != null) {
      address.put(11, (byte) IfEtherUapi.ETH_ALEN);
      address.put(12, destination.bytes());
    }
    return address;
  }

  public Options options() {
    return options;
  }

  /**
   * SOCK_RAW: sends {@code frame}'s remaining bytes as they are (Ethernet header first) out of
   * the interface. Returns the bytes sent; the position advances by them.
   */
  public int sendFrame(ByteBuffer frame) throws IOException {
    if (options.kind() != Kind.RAW) {
      throw new IllegalStateException("sendFrame needs a SOCK_RAW packet socket");
    }
    if (frame.remaining() < IfEtherUapi.ETH_HLEN) {
      throw new IllegalArgumentException("a frame of " + frame.remaining() + " bytes has no Ethernet header");
    }
    int etherType = frame.getShort(frame.position() + 12) & 0xffff;
    return send(frame, sockaddrLl(etherType, options.interfaceIndex(), null), "frame");
  }

  /**
   * SOCK_DGRAM: sends {@code payload}'s remaining bytes to {@code destination} as EtherType
   * {@code etherType}; the kernel writes the Ethernet header with the interface's own address.
   */
  public int send(ByteBuffer payload, int etherType, MacAddress destination) throws IOException {
    if (options.kind() != Kind.DGRAM) {
      throw new IllegalStateException("send to an address needs a SOCK_DGRAM packet socket");
    }
    if (etherType < 0 || etherType > 0xffff) {
      throw new IllegalArgumentException("EtherType out of 16 bits: " + etherType);
    }
    Objects.requireNonNull(destination, "destination");
    return send(payload, sockaddrLl(etherType, options.interfaceIndex(), destination),
        "0x" + Integer.toHexString(etherType) + " to " + destination);
  }

  /** Sends the gratuitous ARP, whole frame (RAW) or ARP packet to broadcast (DGRAM). */
  public void send(GratuitousArp arp) throws IOException {
    if (options.kind() == Kind.RAW) {
      sendFrame(GratuitousArpCodec.encode(arp));
    } else {
      send(GratuitousArpCodec.encodeArp(arp), IfEtherUapi.ETH_P_ARP, MacAddress.BROADCAST);
    }
  }

  /** Sends the neighbour advertisement, whole frame (RAW) or IPv6 packet to 33:33:00:00:00:01 (DGRAM). */
  public void send(NeighbourAdvertisement na) throws IOException {
    if (options.kind() == Kind.RAW) {
      sendFrame(NeighbourAdvertisementCodec.encode(na));
    } else {
      send(NeighbourAdvertisementCodec.encodePacket(na), IfEtherUapi.ETH_P_IPV6, MacAddress.IPV6_ALL_NODES);
    }
  }

  private int send(ByteBuffer data, ByteBuffer address, String detail) throws IOException {
    int fd = descriptor.acquire();
    try {
      return Syscalls.sendto(fd, data, address, 0, what + " " + detail);
    } finally {
      descriptor.release();
    }
  }

  /**
   * Waits up to {@code timeout} for a frame; empty when the time passed. Frames longer than
   * maxFrameBytes or without a 6-byte source are dropped and counted. Throws
   * AsynchronousCloseException when the socket is closed meanwhile.
   */
  public Optional<ReceivedFrame> receive(Duration timeout) throws IOException {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("negative timeout: " + timeout);
    }
    if (options.protocol() == 0) {
      throw new IllegalStateException("a socket bound to protocol 0 receives nothing");
    }
    long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
    int fd = descriptor.acquire();
    try {
      ByteBuffer data = ByteBuffer.allocate(options.maxFrameBytes() + 1);
      ByteBuffer source = ByteBuffer.allocate(IfPacketUapi.SOCKADDR_LL_SIZE).order(ByteOrder.nativeOrder());
      while (true) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return Optional.empty();
        }
        if (!descriptor.awaitReadable((int) Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000))) {
          continue;
        }
        data.clear();
        source.clear();
        Syscalls.ReceivedMessage message;
        try {
          message = Syscalls.recvmsg(fd, data, source, null, SocketUapi.MSG_DONTWAIT, what);
        } catch (LinuxException e) {
          if (e.errno() == Errno.EAGAIN) {
            continue;
          }
          throw e;
        }
        data.flip();
        if ((message.flags() & SocketUapi.MSG_TRUNC) != 0 || message.length() > options.maxFrameBytes()
            || source.remaining() < IfPacketUapi.SOCKADDR_LL_SIZE || (source.get(11) & 0xff) != IfEtherUapi.ETH_ALEN) {
          LOG.debug("{}: dropping a frame of {} bytes (truncated or no Ethernet source)", what, message.length());
          dropped.incrementAndGet();
          continue;
        }
        byte[] mac = new byte[IfEtherUapi.ETH_ALEN];
        source.get(12, mac);
        int protocol = source.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff;
        source.order(ByteOrder.nativeOrder());
        return Optional.of(new ReceivedFrame(data, source.getInt(4), protocol, source.get(10) & 0xff,
            MacAddress.of(mac)));
      }
    } finally {
      descriptor.release();
    }
  }

  /** Frames {@link #receive} dropped since the socket opened. */
  public long droppedFrames() {
    return dropped.get();
  }

  public boolean isOpen() {
    return descriptor.isOpen();
  }

  /** Closes the socket, waking a thread blocked in {@link #receive}. Later calls do nothing. */
  @Override
  public void close() throws LinuxException {
    descriptor.close();
  }

  @Override
  public String toString() {
    return "PacketSocket[" + descriptor + "]";
  }
}
