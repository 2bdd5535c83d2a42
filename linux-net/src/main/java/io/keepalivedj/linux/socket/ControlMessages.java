package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.SocketUapi;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Codec between msg_control bytes and {@link ControlMessage}s, x86_64 ABI, native byte order
 * (include/linux/socket.h, glibc bits/socket.h):
 *
 * <pre>
 * struct cmsghdr {
 *   size_t cmsg_len;   // 8 bytes: header + data, without trailing padding (CMSG_LEN)
 *   int    cmsg_level; // SOL_IP, SOL_IPV6...
 *   int    cmsg_type;  // IP_PKTINFO, IPV6_HOPLIMIT...
 *   unsigned char data[];  // starts at CMSG_ALIGN(sizeof(struct cmsghdr)) = 16
 * };                   // the next header starts at CMSG_ALIGN(cmsg_len): 8-byte alignment
 * </pre>
 *
 * Pure: no state and no I/O. Decoding walks like glibc's CMSG_FIRSTHDR / CMSG_NXTHDR: it stops
 * at a header that does not fit, whose cmsg_len is below the header size, or whose length runs
 * past the buffer (what the kernel leaves when it truncates, MSG_CTRUNC).
 */
public final class ControlMessages {
  /** sizeof(struct cmsghdr) on x86_64, already a multiple of the alignment. */
  public static final int CMSG_HEADER_SIZE = 16;
  /** CMSG_ALIGN rounds to sizeof(size_t). */
  public static final int CMSG_ALIGNMENT = 8;

  private ControlMessages() {
  }

  /** CMSG_ALIGN(length). */
  public static int align(int length) {
    return (length + CMSG_ALIGNMENT - 1) & -CMSG_ALIGNMENT;
  }

  /** CMSG_LEN(dataLength): the cmsg_len value for that much data. */
  public static int length(int dataLength) {
    return CMSG_HEADER_SIZE + dataLength;
  }

  /** CMSG_SPACE(dataLength): the bytes one item occupies in the buffer, padding included. */
  public static int space(int dataLength) {
    return CMSG_HEADER_SIZE + align(dataLength);
  }

  /** msg_control bytes for the items, each padded to CMSG_SPACE with zeros; position 0. */
  public static ByteBuffer encode(List<ControlMessage> messages) {
    int total = 0;
    for (ControlMessage message : messages) {
      total += space(message.dataLength());
    }
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
    for (ControlMessage message : messages) {
      int start = out.position();
      out.putLong(length(message.dataLength()));
      out.putInt(message.level());
      out.putInt(message.type());
      out.put(message.data());
      out.position(start + space(message.dataLength()));
    }
    return out.flip();
  }

  /** The items in the buffer's remaining bytes (position and limit of the argument unchanged). */
  public static List<ControlMessage> decode(ByteBuffer control) {
    ByteBuffer in = control.duplicate().order(ByteOrder.nativeOrder());
    int base = in.position();
    int end = in.limit();
    List<ControlMessage> messages = new ArrayList<>();
    int offset = base;
    while (end - offset >= CMSG_HEADER_SIZE) {
      long cmsgLength = in.getLong(offset);
      if (cmsgLength < CMSG_HEADER_SIZE || cmsgLength > end - offset) {
        break;
      }
      int level = in.getInt(offset + 8);
      int type = in.getInt(offset + 12);
      ByteBuffer data = in.duplicate();
      data.position(offset + CMSG_HEADER_SIZE).limit(offset + (int) cmsgLength);
      messages.add(new ControlMessage(level, type, data));
      offset += align((int) cmsgLength);
    }
    return List.copyOf(messages);
  }

  /** An item whose data is one C int (IP_TTL, IPV6_HOPLIMIT, IPV6_TCLASS...). */
  public static ControlMessage ofInt(int level, int type, int value) {
    ByteBuffer data = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, value);
    return new ControlMessage(level, type, data);
  }

  /**
   * The int an item of this level and type holds; empty when the item is another one or its
   * data is not 4 bytes.
   */
  public static OptionalInt intValue(ControlMessage message, int level, int type) {
    if (message.level() != level || message.type() != type || message.dataLength() != 4) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(message.data().order(ByteOrder.nativeOrder()).getInt(0));
  }

  /** An IP_PKTINFO item at level SOL_IP (struct in_pktinfo, addresses in network order). */
  public static ControlMessage encodeIpv4PacketInfo(Ipv4PacketInfo info) {
    ByteBuffer data = ByteBuffer.allocate(InUapi.IN_PKTINFO_SIZE).order(ByteOrder.nativeOrder());
    data.putInt(info.interfaceIndex());
    data.put(info.localAddress().getAddress());
    data.put(info.destination().getAddress());
    return new ControlMessage(SocketUapi.SOL_IP, InUapi.IP_PKTINFO, data.flip());
  }

  /** The struct in_pktinfo of an IP_PKTINFO item; empty for any other item or size. */
  public static Optional<Ipv4PacketInfo> decodeIpv4PacketInfo(ControlMessage message) {
    if (message.level() != SocketUapi.SOL_IP || message.type() != InUapi.IP_PKTINFO
        || message.dataLength() != InUapi.IN_PKTINFO_SIZE) {
      return Optional.empty();
    }
    ByteBuffer data = message.data().order(ByteOrder.nativeOrder());
    int index = data.getInt();
    byte[] local = new byte[4];
    byte[] destination = new byte[4];
    data.get(local).get(destination);
    if (index < 0) {
      return Optional.empty();
    }
    return Optional.of(new Ipv4PacketInfo(index, inet4(local), inet4(destination)));
  }

  /** An IPV6_PKTINFO item at level SOL_IPV6 (struct in6_pktinfo). */
  public static ControlMessage encodeIpv6PacketInfo(Ipv6PacketInfo info) {
    ByteBuffer data = ByteBuffer.allocate(In6Uapi.IN6_PKTINFO_SIZE).order(ByteOrder.nativeOrder());
    data.put(info.address().getAddress());
    data.putInt(info.interfaceIndex());
    return new ControlMessage(SocketUapi.SOL_IPV6, In6Uapi.IPV6_PKTINFO, data.flip());
  }

  /** The struct in6_pktinfo of an IPV6_PKTINFO item; empty for any other item or size. */
  public static Optional<Ipv6PacketInfo> decodeIpv6PacketInfo(ControlMessage message) {
    if (message.level() != SocketUapi.SOL_IPV6 || message.type() != In6Uapi.IPV6_PKTINFO
        || message.dataLength() != In6Uapi.IN6_PKTINFO_SIZE) {
      return Optional.empty();
    }
    ByteBuffer data = message.data().order(ByteOrder.nativeOrder());
    byte[] address = new byte[16];
    data.get(address);
    int index = data.getInt();
    if (index < 0) {
      return Optional.empty();
    }
    return Optional.of(new Ipv6PacketInfo(inet6(address), index));
  }

  /**
   * The struct sock_extended_err and offender of an IP_RECVERR (SOL_IP) or IPV6_RECVERR
   * (SOL_IPV6) item, as recvmsg(MSG_ERRQUEUE) returns it (net/ipv4/ip_sockglue.c
   * ip_recv_error, net/ipv6/datagram.c ipv6_recv_error: the kernel copies the extended error
   * and the offender's sockaddr_in / sockaddr_in6 in one item; an offender of family AF_UNSPEC
   * means none). Empty for any other item or a short one.
   */
  public static Optional<ExtendedError> decodeExtendedError(ControlMessage message) {
    boolean v4 = message.level() == SocketUapi.SOL_IP && message.type() == ErrqueueUapi.IP_RECVERR;
    boolean v6 = message.level() == SocketUapi.SOL_IPV6 && message.type() == ErrqueueUapi.IPV6_RECVERR;
    if (!v4 && !v6 || message.dataLength() < ErrqueueUapi.SOCK_EXTENDED_ERR_SIZE) {
      return Optional.empty();
    }
    ByteBuffer data = message.data().order(ByteOrder.nativeOrder());
    int errno = data.getInt(0);
    int origin = data.get(4) & 0xff;
    int type = data.get(5) & 0xff;
    int code = data.get(6) & 0xff;
    int info = data.getInt(8);
    ByteBuffer offender = data.position(ErrqueueUapi.SOCK_EXTENDED_ERR_SIZE).slice();
    return Optional.of(new ExtendedError(Math.max(0, errno), origin, type, code, info,
        Optional.ofNullable(SocketAddresses.decode(offender))));
  }

  static Inet4Address inet4(byte[] bytes) {
    try {
      return (Inet4Address) InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are always an IPv4 address", e);
    }
  }

  static Inet6Address inet6(byte[] bytes) {
    try {
      return Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError("16 bytes are always an IPv6 address", e);
    }
  }
}
