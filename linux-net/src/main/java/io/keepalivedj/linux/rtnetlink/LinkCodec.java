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
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * RTM_GETLINK requests and RTM_NEWLINK replies (uapi/linux/rtnetlink.h, if_link.h), laid out
 * as iproute2 6.1 sends them:
 *
 * <pre>
 * struct ifinfomsg { u8 ifi_family; u8 pad; u16 ifi_type; s32 ifi_index; u32 ifi_flags; u32 ifi_change; }
 * by name: IFLA_EXT_MASK (RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS), IFLA_IFNAME
 * dump:    ifi_family AF_PACKET (as `ip link show`), IFLA_EXT_MASK (RTEXT_FILTER_VF)
 * </pre>
 */
public final class LinkCodec {
  private LinkCodec() {
  }

  /** {@code ip link show dev NAME}: the kernel answers one RTM_NEWLINK, or ENODEV. */
  public static NetlinkRequest encodeGetByName(String name) {
    if (name.isEmpty() || name.length() > RtnetlinkUapi.IFNAMSIZ_CHARS) {
      throw new IllegalArgumentException("interface name must have 1-15 characters: '" + name + "'");
    }
    return ifinfomsg()
        .u32(RtnetlinkUapi.IFLA_EXT_MASK, RtnetlinkUapi.RTEXT_FILTER_VF | RtnetlinkUapi.RTEXT_FILTER_SKIP_STATS)
        .string(RtnetlinkUapi.IFLA_IFNAME, name)
        .toRequest(RtnetlinkUapi.RTM_GETLINK, 0, "ip link show dev " + name);
  }

  /** {@code ip link show}: a dump of every link. */
  public static NetlinkRequest encodeDump() {
    // The kernel serves AF_PACKET link dumps with its AF_UNSPEC handler; ip link sends AF_PACKET.
    return new AttributeWriter()
        .putU8(SocketUapi.AF_PACKET).putZeros(RtnetlinkUapi.IFINFOMSG_SIZE - 1)
        .u32(RtnetlinkUapi.IFLA_EXT_MASK, RtnetlinkUapi.RTEXT_FILTER_VF)
        .toRequest(RtnetlinkUapi.RTM_GETLINK, NetlinkUapi.NLM_F_DUMP, "ip link show");
  }

  private static AttributeWriter ifinfomsg() {
    return new AttributeWriter().putZeros(RtnetlinkUapi.IFINFOMSG_SIZE);
  }

  /** Decodes an RTM_NEWLINK. */
  public static Decoding<LinkInfo> decode(NetlinkMessage message) {
    try {
      return new Decoding.Decoded<>(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static LinkInfo decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    if (message.type() != RtnetlinkUapi.RTM_NEWLINK) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE, "type " + message.type());
    }
    ByteBuffer p = message.payload();
    if (p.remaining() < RtnetlinkUapi.IFINFOMSG_SIZE) {
      throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
          "ifinfomsg needs 16 bytes, has " + p.remaining());
    }
    int index = p.getInt(4);
    int flags = p.getInt(8);
    NetlinkAttributes attributes = NetlinkAttributes.parse(p.duplicate().position(RtnetlinkUapi.IFINFOMSG_SIZE));
    String name = attributes.require(RtnetlinkUapi.IFLA_IFNAME).string();
    Optional<HardwareAddress> address = Optional.empty();
    Optional<NetlinkAttribute> addressAttribute = attributes.first(RtnetlinkUapi.IFLA_ADDRESS);
    if (addressAttribute.isPresent()) {
      if (addressAttribute.get().length() > HardwareAddress.MAX_LENGTH) {
        throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE,
            "IFLA_ADDRESS of " + addressAttribute.get().length() + " bytes");
      }
      address = Optional.of(HardwareAddress.of(addressAttribute.get().bytes()));
    }
    OperState operState = OperState.UNKNOWN;
    Optional<NetlinkAttribute> operAttribute = attributes.first(RtnetlinkUapi.IFLA_OPERSTATE);
    if (operAttribute.isPresent()) {
      int code = operAttribute.get().u8();
      if (code > OperState.UP.code()) {
        throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, "IFLA_OPERSTATE " + code);
      }
      operState = OperState.fromCode(code);
    }
    int mtu = 0;
    Optional<NetlinkAttribute> mtuAttribute = attributes.first(RtnetlinkUapi.IFLA_MTU);
    if (mtuAttribute.isPresent()) {
      mtu = mtuAttribute.get().u32();
    }
    try {
      return new LinkInfo(index, name, address, flags, operState, mtu);
    } catch (IllegalArgumentException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
    }
  }
}
