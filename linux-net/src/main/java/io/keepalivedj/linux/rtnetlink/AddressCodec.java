package io.keepalivedj.linux.rtnetlink;

import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.netlink.AttributeWriter;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.NetlinkAttribute;
import io.keepalivedj.linux.netlink.NetlinkAttributes;
import io.keepalivedj.linux.netlink.NetlinkFormatException;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkReject;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import io.keepalivedj.linux.netlink.NetlinkUapi;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR (uapi/linux/if_addr.h). Attributes go in the order
 * iproute2 6.1 sends them (ipaddr_modify), so our bytes equal {@code ip addr add}'s:
 *
 * <pre>
 * struct ifaddrmsg { u8 ifa_family; u8 ifa_prefixlen; u8 ifa_flags; u8 ifa_scope; u32 ifa_index; }
 * IFA_LOCAL, [IFA_BROADCAST], [IFA_LABEL], [IFA_FLAGS if a flag exceeds 8 bits], IFA_ADDRESS
 * </pre>
 */
public final class AddressCodec {
  private AddressCodec() {
  }

  /** {@code ip addr add}: NLM_F_CREATE|NLM_F_EXCL, so an existing address fails with EEXIST. */
  public static NetlinkRequest encodeAdd(InterfaceAddress address) {
    AttributeWriter w = header(address, address.scope().code(), address.flags());
    InetAddress local = address.address();
    w.bytes(RtnetlinkUapi.IFA_LOCAL, local.getAddress());
    address.broadcast().ifPresent(b -> w.bytes(RtnetlinkUapi.IFA_BROADCAST, b.getAddress()));
    address.label().ifPresent(l -> w.string(RtnetlinkUapi.IFA_LABEL, l));
    if (address.flags() > 0xff) {
      // ifa_flags is a u8; the wider IFA_F_* (MANAGETEMPADDR, NOPREFIXROUTE...) need IFA_FLAGS.
      w.u32(RtnetlinkUapi.IFA_FLAGS, address.flags());
    }
    w.bytes(RtnetlinkUapi.IFA_ADDRESS, local.getAddress());
    return w.toRequest(RtnetlinkUapi.RTM_NEWADDR,
        NetlinkUapi.NLM_F_ACK | NetlinkUapi.NLM_F_EXCL | NetlinkUapi.NLM_F_CREATE,
        "ip addr add " + address.cidr() + " dev ifindex " + address.interfaceIndex());
  }

  /**
   * {@code ip addr del}: the kernel matches local address and prefix length on the interface
   * (label, scope, broadcast and flags are not sent, as ip does not send them).
   */
  public static NetlinkRequest encodeDelete(InterfaceAddress address) {
    AttributeWriter w = header(address, 0, 0);
    w.bytes(RtnetlinkUapi.IFA_LOCAL, address.address().getAddress());
    w.bytes(RtnetlinkUapi.IFA_ADDRESS, address.address().getAddress());
    return w.toRequest(RtnetlinkUapi.RTM_DELADDR, NetlinkUapi.NLM_F_ACK,
        "ip addr del " + address.cidr() + " dev ifindex " + address.interfaceIndex());
  }

  /** {@code ip addr show}: a dump of every address of {@code family} (AF_UNSPEC: all). */
  public static NetlinkRequest encodeDump(int family) {
    AttributeWriter w = new AttributeWriter().putU8(family).putU8(0).putU8(0).putU8(0).putU32(0);
    String what = family == SocketUapi.AF_INET ? "ip -4 addr show"
        : family == SocketUapi.AF_INET6 ? "ip -6 addr show" : "ip addr show";
    return w.toRequest(RtnetlinkUapi.RTM_GETADDR, NetlinkUapi.NLM_F_DUMP, what);
  }

  private static AttributeWriter header(InterfaceAddress address, int scope, int flags) {
    return new AttributeWriter()
        .putU8(address.family())
        .putU8(address.prefixLength())
        .putU8(flags & 0xff)
        .putU8(scope)
        .putU32(address.interfaceIndex());
  }

  /** Decodes an RTM_NEWADDR (from a dump or a notification). */
  public static Decoding<InterfaceAddress> decode(NetlinkMessage message) {
    try {
      return new Decoding.Decoded<>(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static InterfaceAddress decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    if (message.type() != RtnetlinkUapi.RTM_NEWADDR && message.type() != RtnetlinkUapi.RTM_DELADDR) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE, "type " + message.type());
    }
    ByteBuffer p = message.payload();
    if (p.remaining() < RtnetlinkUapi.IFADDRMSG_SIZE) {
      throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
          "ifaddrmsg needs 8 bytes, has " + p.remaining());
    }
    int family = p.get(0) & 0xff;
    int prefixLength = p.get(1) & 0xff;
    int flags = p.get(2) & 0xff;
    int scope = p.get(3) & 0xff;
    int index = p.getInt(4);
    int addressLength = family == SocketUapi.AF_INET ? 4 : family == SocketUapi.AF_INET6 ? 16 : -1;
    if (addressLength < 0) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, "ifa_family " + family);
    }
    if (prefixLength > addressLength * 8 || index <= 0) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE,
          "prefix length " + prefixLength + ", ifindex " + index);
    }
    NetlinkAttributes attributes = NetlinkAttributes.parse(p.duplicate().position(RtnetlinkUapi.IFADDRMSG_SIZE));
    // IFA_LOCAL is the interface's own address; IFA_ADDRESS the peer on point-to-point links
    // (and the only one for IPv6).
    Optional<NetlinkAttribute> localAttribute = attributes.first(RtnetlinkUapi.IFA_LOCAL);
    NetlinkAttribute addressAttribute = localAttribute.isPresent() ? localAttribute.get()
        : attributes.require(RtnetlinkUapi.IFA_ADDRESS);
    InetAddress address = addressAttribute.inetAddress();
    if (address.getAddress().length != addressLength) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE,
          "address of " + address.getAddress().length + " bytes for family " + family);
    }
    Optional<String> label = Optional.empty();
    Optional<Inet4Address> broadcast = Optional.empty();
    if (family == SocketUapi.AF_INET) {
      Optional<NetlinkAttribute> labelAttribute = attributes.first(RtnetlinkUapi.IFA_LABEL);
      if (labelAttribute.isPresent()) {
        label = Optional.of(labelAttribute.get().string());
      }
      Optional<NetlinkAttribute> broadcastAttribute = attributes.first(RtnetlinkUapi.IFA_BROADCAST);
      if (broadcastAttribute.isPresent()) {
        InetAddress b = broadcastAttribute.get().inetAddress();
        if (!(b instanceof Inet4Address b4)) {
          throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE, "IFA_BROADCAST not IPv4");
        }
        broadcast = Optional.of(b4);
      }
    }
    Optional<NetlinkAttribute> wideFlags = attributes.first(RtnetlinkUapi.IFA_FLAGS);
    if (wideFlags.isPresent()) {
      flags = wideFlags.get().u32();
    }
    try {
      return new InterfaceAddress(index, address, prefixLength, label, new AddressScope(scope), broadcast, flags);
    } catch (IllegalArgumentException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
    }
  }
}
