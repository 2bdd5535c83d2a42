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
 * macvlan: [IFLA_ADDRESS], IFLA_LINK, IFLA_IFNAME,
 *          IFLA_LINKINFO { IFLA_INFO_KIND "macvlan" (no NUL), IFLA_INFO_DATA { IFLA_MACVLAN_MODE } }
 *          (both nests without NLA_F_NESTED: iproute2's addattr_nest does not set it)
 * delete:  ifi_index only, after ip resolved the name
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

  /**
   * {@code ip link add link PARENT name NAME [address MAC] type macvlan mode MODE}:
   * NLM_F_CREATE|NLM_F_EXCL, so an existing name fails with EEXIST.
   */
  public static NetlinkRequest encodeCreateMacvlan(MacvlanLink macvlan) {
    AttributeWriter w = ifinfomsg();
    StringBuilder text = new StringBuilder("ip link add link ifindex ").append(macvlan.parentIndex())
        .append(" name ").append(macvlan.name());
    macvlan.address().ifPresent(a -> {
      w.bytes(RtnetlinkUapi.IFLA_ADDRESS, a.bytes());
      text.append(" address ").append(a);
    });
    w.u32(RtnetlinkUapi.IFLA_LINK, macvlan.parentIndex())
        .string(RtnetlinkUapi.IFLA_IFNAME, macvlan.name())
        .nestedWithoutFlag(RtnetlinkUapi.IFLA_LINKINFO, info -> info
            .unterminatedString(RtnetlinkUapi.IFLA_INFO_KIND, MACVLAN_KIND)
            .nestedWithoutFlag(RtnetlinkUapi.IFLA_INFO_DATA,
                data -> data.u32(RtnetlinkUapi.IFLA_MACVLAN_MODE, macvlan.mode().code())));
    text.append(" type macvlan mode ").append(macvlan.mode().ipName());
    return w.toRequest(RtnetlinkUapi.RTM_NEWLINK,
        NetlinkUapi.NLM_F_ACK | NetlinkUapi.NLM_F_CREATE | NetlinkUapi.NLM_F_EXCL, text.toString());
  }

  /** {@code ip link del NAME} once ip has resolved NAME to {@code index}: RTM_DELLINK by ifindex. */
  public static NetlinkRequest encodeDelete(int index, String name) {
    if (index <= 0) {
      throw new IllegalArgumentException("ifindex must be positive: " + index);
    }
    return new AttributeWriter().putU8(SocketUapi.AF_UNSPEC).putU8(0).putU16(0).putU32(index)
        .putU32(0).putU32(0)
        .toRequest(RtnetlinkUapi.RTM_DELLINK, NetlinkUapi.NLM_F_ACK, "ip link del " + name);
  }

  /** IFLA_INFO_KIND of macvlan links (drivers/net/macvlan.c). */
  static final String MACVLAN_KIND = "macvlan";

  /**
   * The macvlan an RTM_NEWLINK describes ({@code ip -d link show}), or empty when the link is
   * of another kind.
   */
  public static Decoding<Optional<MacvlanLink>> decodeMacvlan(NetlinkMessage message) {
    try {
      LinkInfo link = decodeOrThrow(message);
      NetlinkAttributes attributes = NetlinkAttributes.parse(
          message.payload().duplicate().position(RtnetlinkUapi.IFINFOMSG_SIZE));
      Optional<NetlinkAttribute> linkInfo = attributes.first(RtnetlinkUapi.IFLA_LINKINFO);
      if (linkInfo.isEmpty()) {
        return new Decoding.Decoded<>(Optional.empty());
      }
      NetlinkAttributes info = linkInfo.get().nestedAttributes();
      Optional<NetlinkAttribute> kind = info.first(RtnetlinkUapi.IFLA_INFO_KIND);
      if (kind.isEmpty() || !kind.get().string().equals(MACVLAN_KIND)) {
        return new Decoding.Decoded<>(Optional.empty());
      }
      int mode = info.require(RtnetlinkUapi.IFLA_INFO_DATA).nestedAttributes()
          .require(RtnetlinkUapi.IFLA_MACVLAN_MODE).u32();
      int parent = attributes.require(RtnetlinkUapi.IFLA_LINK).u32();
      try {
        return new Decoding.Decoded<>(Optional.of(
            new MacvlanLink(parent, link.name(), link.address(), MacvlanMode.fromCode(mode))));
      } catch (IllegalArgumentException e) {
        throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
      }
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static AttributeWriter ifinfomsg() {
    return new AttributeWriter().putZeros(RtnetlinkUapi.IFINFOMSG_SIZE);
  }

  /**
   * Whether a link message describes a network device (ifi_family AF_UNSPEC). The bridge also
   * sends RTM_NEWLINK/RTM_DELLINK with ifi_family AF_BRIDGE on RTNLGRP_LINK when a port joins
   * or leaves it (net/bridge/br_netlink.c br_ifinfo_notify); those say nothing about the
   * device's own existence or state.
   */
  static boolean describesDevice(NetlinkMessage message) {
    ByteBuffer p = message.payload();
    return p.remaining() >= 1 && (p.get(0) & 0xff) == SocketUapi.AF_UNSPEC;
  }

  /** Decodes an RTM_NEWLINK (a dump reply or a notification) or an RTM_DELLINK notification. */
  public static Decoding<LinkInfo> decode(NetlinkMessage message) {
    try {
      return new Decoding.Decoded<>(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static LinkInfo decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    if (message.type() != RtnetlinkUapi.RTM_NEWLINK && message.type() != RtnetlinkUapi.RTM_DELLINK) {
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
