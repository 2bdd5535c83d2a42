package io.keepalivedj.linux.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One received attribute. The typed accessors check the value's size first and throw
 * {@link NetlinkFormatException} rather than read past it.
 *
 * @param type             nla_type without the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits
 * @param nested           whether NLA_F_NESTED was set (some families nest without it)
 * @param networkByteOrder whether NLA_F_NET_BYTEORDER was set
 * @param value            read-only view of the value bytes (unpadded), native order
 */
public record NetlinkAttribute(int type, boolean nested, boolean networkByteOrder, ByteBuffer value) {
  public NetlinkAttribute {
    if (type < 0 || type > NetlinkUapi.NLA_TYPE_MASK) {
      throw new IllegalArgumentException("attribute type out of range: " + type);
    }
    value = value.slice().asReadOnlyBuffer().order(ByteOrder.nativeOrder());
  }

  public int length() {
    return value.remaining();
  }

  private void requireSize(int size) throws NetlinkFormatException {
    if (value.remaining() != size) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE,
          "attribute " + type + " has " + value.remaining() + " bytes, expected " + size);
    }
  }

  public int u8() throws NetlinkFormatException {
    requireSize(1);
    return value.get(0) & 0xff;
  }

  public int u16() throws NetlinkFormatException {
    requireSize(2);
    return value.getShort(0) & 0xffff;
  }

  /** A native-order u32 in an int (values above 2^31 read as negative; use Integer.toUnsigned*). */
  public int u32() throws NetlinkFormatException {
    requireSize(4);
    return value.getInt(0);
  }

  public long u64() throws NetlinkFormatException {
    requireSize(8);
    return value.getLong(0);
  }

  public int u16NetworkOrder() throws NetlinkFormatException {
    requireSize(2);
    return value.duplicate().order(ByteOrder.BIG_ENDIAN).getShort(0) & 0xffff;
  }

  public int u32NetworkOrder() throws NetlinkFormatException {
    requireSize(4);
    return value.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(0);
  }

  /** A NUL-terminated string (the NUL must be inside the value). */
  public String string() throws NetlinkFormatException {
    int end = 0;
    while (end < value.remaining() && value.get(end) != 0) {
      end++;
    }
    if (end == value.remaining()) {
      throw new NetlinkFormatException(NetlinkReject.STRING_NOT_TERMINATED,
          "attribute " + type + " of " + value.remaining() + " bytes has no NUL");
    }
    byte[] bytes = new byte[end];
    value.get(0, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A copy of the value bytes. */
  public byte[] bytes() {
    byte[] bytes = new byte[value.remaining()];
    value.get(0, bytes);
    return bytes;
  }

  /** An IPv4 (4 bytes) or IPv6 (16 bytes) address. */
  public InetAddress inetAddress() throws NetlinkFormatException {
    if (value.remaining() != 4 && value.remaining() != 16) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE,
          "attribute " + type + " has " + value.remaining() + " bytes, not an IPv4/IPv6 address");
    }
    try {
      return InetAddress.getByAddress(bytes());
    } catch (UnknownHostException e) {
      throw new AssertionError("length was checked", e);
    }
  }

  /** The attributes nested in this one's value. */
  public NetlinkAttributes nestedAttributes() throws NetlinkFormatException {
    return NetlinkAttributes.parse(value);
  }
}
