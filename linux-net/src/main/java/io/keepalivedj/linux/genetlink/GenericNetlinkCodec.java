package io.keepalivedj.linux.genetlink;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * nlctrl's CTRL_CMD_GETFAMILY request and CTRL_CMD_NEWFAMILY reply (uapi/linux/genetlink.h,
 * net/netlink/genetlink.c ctrl_fill_info):
 *
 * <pre>
 * nlmsghdr (type GENL_ID_CTRL) | genlmsghdr { u8 cmd; u8 version; u16 reserved; } | attributes
 * request: CTRL_ATTR_FAMILY_NAME
 * reply:   CTRL_ATTR_FAMILY_ID u16, _NAME, _VERSION u32, _HDRSIZE u32, _MAXATTR u32, _OPS,
 *          _MCAST_GROUPS { n: { _MCAST_GRP_NAME, _MCAST_GRP_ID u32 } ... }
 * </pre>
 */
public final class GenericNetlinkCodec {
  private GenericNetlinkCodec() {
  }

  /** The generic netlink header a family's request starts with. */
  public static AttributeWriter genlHeader(int command, int version) {
    return new AttributeWriter().putU8(command).putU8(version).putU16(0);
  }

  /**
   * {@code genl ctrl get name NAME}. Version 0 as iproute2's genl sends it; nlctrl ignores it.
   */
  public static NetlinkRequest encodeGetFamily(String name) {
    if (name.isEmpty() || name.length() > GenetlinkUapi.GENL_NAME_CHARS) {
      throw new IllegalArgumentException("family name must have 1-15 characters: '" + name + "'");
    }
    return genlHeader(GenetlinkUapi.CTRL_CMD_GETFAMILY, 0)
        .string(GenetlinkUapi.CTRL_ATTR_FAMILY_NAME, name)
        .toRequest(GenetlinkUapi.GENL_ID_CTRL, NetlinkUapi.NLM_F_ACK, "genl ctrl get name " + name);
  }

  public static Decoding<GenericNetlinkFamily> decodeFamily(NetlinkMessage message) {
    try {
      return new Decoding.Decoded<>(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static GenericNetlinkFamily decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    if (message.type() != GenetlinkUapi.GENL_ID_CTRL) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE, "type " + message.type());
    }
    ByteBuffer p = message.payload();
    if (p.remaining() < GenetlinkUapi.GENL_HDRLEN) {
      throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
          "genlmsghdr needs 4 bytes, has " + p.remaining());
    }
    if ((p.get(0) & 0xff) != GenetlinkUapi.CTRL_CMD_NEWFAMILY) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE, "nlctrl command " + (p.get(0) & 0xff));
    }
    NetlinkAttributes attributes = NetlinkAttributes.parse(p.duplicate().position(GenetlinkUapi.GENL_HDRLEN));
    int id = attributes.require(GenetlinkUapi.CTRL_ATTR_FAMILY_ID).u16();
    String name = attributes.require(GenetlinkUapi.CTRL_ATTR_FAMILY_NAME).string();
    int version = optionalU32(attributes, GenetlinkUapi.CTRL_ATTR_VERSION);
    int headerSize = optionalU32(attributes, GenetlinkUapi.CTRL_ATTR_HDRSIZE);
    int maxAttribute = optionalU32(attributes, GenetlinkUapi.CTRL_ATTR_MAXATTR);
    List<MulticastGroup> groups = new ArrayList<>();
    Optional<NetlinkAttribute> groupList = attributes.first(GenetlinkUapi.CTRL_ATTR_MCAST_GROUPS);
    if (groupList.isPresent()) {
      for (NetlinkAttribute entry : groupList.get().nestedAttributes().all()) {
        NetlinkAttributes group = entry.nestedAttributes();
        int groupId = group.require(GenetlinkUapi.CTRL_ATTR_MCAST_GRP_ID).u32();
        String groupName = group.require(GenetlinkUapi.CTRL_ATTR_MCAST_GRP_NAME).string();
        if (groupId <= 0) {
          throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, "multicast group id " + groupId);
        }
        groups.add(new MulticastGroup(groupName, groupId));
      }
    }
    try {
      return new GenericNetlinkFamily(name, id, version, headerSize, maxAttribute, groups);
    } catch (IllegalArgumentException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
    }
  }

  private static int optionalU32(NetlinkAttributes attributes, int type) throws NetlinkFormatException {
    Optional<NetlinkAttribute> attribute = attributes.first(type);
    return attribute.isPresent() ? attribute.get().u32() : 0;
  }
}
