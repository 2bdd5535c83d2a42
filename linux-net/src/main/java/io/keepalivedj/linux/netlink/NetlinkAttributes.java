package io.keepalivedj.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed run of attributes (TLVs), in wire order. Parsing checks every header and length
 * against the enclosing bytes; the last attribute may omit its trailing padding, as the kernel
 * allows (nla_ok in include/net/netlink.h).
 */
public record NetlinkAttributes(List<NetlinkAttribute> all) {
  public NetlinkAttributes {
    all = List.copyOf(all);
  }

  /** Parses the remaining bytes of {@code region} (its position is not moved). */
  public static NetlinkAttributes parse(ByteBuffer region) throws NetlinkFormatException {
    ByteBuffer b = region.slice().order(ByteOrder.nativeOrder());
    List<NetlinkAttribute> attributes = new ArrayList<>();
    int offset = 0;
    int end = b.remaining();
    while (offset < end) {
      if (end - offset < NetlinkUapi.NLA_HDRLEN) {
        throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_HEADER_TRUNCATED,
            (end - offset) + " bytes left at offset " + offset);
      }
      int length = b.getShort(offset) & 0xffff;
      int rawType = b.getShort(offset + 2) & 0xffff;
      if (length < NetlinkUapi.NLA_HDRLEN) {
        throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_LENGTH_TOO_SHORT,
            "nla_len " + length + " at offset " + offset);
      }
      if (length > end - offset) {
        throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_LENGTH_BEYOND_PARENT,
            "nla_len " + length + " at offset " + offset + " with " + (end - offset) + " bytes left");
      }
      ByteBuffer value = b.duplicate();
      value.position(offset + NetlinkUapi.NLA_HDRLEN).limit(offset + length);
      attributes.add(new NetlinkAttribute(rawType & NetlinkUapi.NLA_TYPE_MASK,
          (rawType & NetlinkUapi.NLA_F_NESTED) != 0,
          (rawType & NetlinkUapi.NLA_F_NET_BYTEORDER) != 0, value));
      offset += Math.min(NetlinkUapi.align(length), end - offset);
    }
    return new NetlinkAttributes(attributes);
  }

  /** The first attribute of this type (the kernel's nla_parse keeps the last; types repeat only in lists). */
  public Optional<NetlinkAttribute> first(int type) {
    for (NetlinkAttribute attribute : all) {
      if (attribute.type() == type) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** The attribute of this type, or a reject naming it as missing. */
  public NetlinkAttribute require(int type) throws NetlinkFormatException {
    Optional<NetlinkAttribute> attribute = first(type);
    if (attribute.isEmpty()) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_MISSING, "attribute " + type);
    }
    return attribute.get();
  }

  /** Every attribute of this type, in order. */
  public List<NetlinkAttribute> each(int type) {
    List<NetlinkAttribute> matching = new ArrayList<>();
    for (NetlinkAttribute attribute : all) {
      if (attribute.type() == type) {
        matching.add(attribute);
      }
    }
    return List.copyOf(matching);
  }
}
