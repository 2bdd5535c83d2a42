package io.keepalivedj.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The one writer of netlink payloads: a family's fixed header ({@code put*}), then attributes
 * (struct nlattr { __u16 nla_len; __u16 nla_type; } + value + padding to 4, uapi/linux/netlink.h).
 * Padding and byte order live only here: everything is native order (netlink is host-endian)
 * except the {@code *NetworkOrder} methods, for the few attributes the kernel defines as
 * big-endian (IPVS ports, for example). Not thread-safe; one writer per request.
 *
 * <pre>
 *   |&lt;- nla_len (header + value, unpadded) -&gt;|
 *   +----------+----------+---------------+---------+
 *   | nla_len  | nla_type | value         | pad 0-3 |
 *   +----------+----------+---------------+---------+
 * </pre>
 */
public final class AttributeWriter {
  private static final int MAX_ATTRIBUTE_LENGTH = 0xffff;

  private ByteBuffer buffer;

  public AttributeWriter() {
    this(256);
  }

  public AttributeWriter(int initialCapacity) {
    buffer = ByteBuffer.allocate(Math.max(16, initialCapacity)).order(ByteOrder.nativeOrder());
  }

  // ---- fixed family header fields (ifaddrmsg, ifinfomsg, genlmsghdr): no TLV, no padding ----

  public AttributeWriter putU8(int value) {
    checkRange(value, 0xff, "u8");
    ensure(1).put((byte) value);
    return this;
  }

  public AttributeWriter putU16(int value) {
    checkRange(value, 0xffff, "u16");
    ensure(2).putShort((short) value);
    return this;
  }

  /** A native-order 32-bit field; any int (u32 values above 2^31 come in as negative ints). */
  public AttributeWriter putU32(int value) {
    ensure(4).putInt(value);
    return this;
  }

  public AttributeWriter putZeros(int count) {
    ensure(count).put(new byte[count]);
    return this;
  }

  // ---- attributes ----

  public AttributeWriter u8(int type, int value) {
    checkRange(value, 0xff, "u8");
    return attribute(type, 1, b -> b.put((byte) value));
  }

  public AttributeWriter u16(int type, int value) {
    checkRange(value, 0xffff, "u16");
    return attribute(type, 2, b -> b.putShort((short) value));
  }

  public AttributeWriter u32(int type, int value) {
    return attribute(type, 4, b -> b.putInt(value));
  }

  public AttributeWriter u64(int type, long value) {
    return attribute(type, 8, b -> b.putLong(value));
  }

  /** A u16 in network (big-endian) byte order, e.g. IPVS_SVC_ATTR_PORT. */
  public AttributeWriter u16NetworkOrder(int type, int value) {
    checkRange(value, 0xffff, "u16");
    return attribute(type, 2, b -> b.put((byte) (value >>> 8)).put((byte) value));
  }

  /** A u32 in network (big-endian) byte order. */
  public AttributeWriter u32NetworkOrder(int type, int value) {
    return attribute(type, 4, b -> b.order(ByteOrder.BIG_ENDIAN).putInt(value).order(ByteOrder.nativeOrder()));
  }

  /** A NUL-terminated string (NLA_NUL_STRING / NLA_STRING as iproute2 and libnl send them). */
  public AttributeWriter string(int type, String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("string attribute contains NUL: " + value);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return attribute(type, bytes.length + 1, b -> b.put(bytes).put((byte) 0));
  }

  /**
   * A string without the terminating NUL (NLA_STRING allows it), as iproute2 sends
   * IFLA_INFO_KIND (addattr_l with strlen).
   */
  public AttributeWriter unterminatedString(int type, String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("string attribute contains NUL: " + value);
    }
    return bytes(type, value.getBytes(StandardCharsets.UTF_8));
  }

  public AttributeWriter bytes(int type, byte[] value) {
    return attribute(type, value.length, b -> b.put(value));
  }

  /** The remaining bytes of {@code value}; its position is not moved. */
  public AttributeWriter bytes(int type, ByteBuffer value) {
    ByteBuffer view = value.duplicate();
    return attribute(type, view.remaining(), b -> b.put(view));
  }

  /** A zero-length attribute whose presence is the information (NLA_FLAG). */
  public AttributeWriter flag(int type) {
    return attribute(type, 0, b -> { });
  }

  /**
   * A nested attribute with NLA_F_NESTED set in its type, as the kernel's strict validation
   * expects for new families (and as libnl/iproute2 now send for rtnetlink nests).
   */
  public AttributeWriter nested(int type, Consumer<AttributeWriter> body) {
    return nest(type | NetlinkUapi.NLA_F_NESTED, body);
  }

  /**
   * A nested attribute without NLA_F_NESTED, for families whose tools never set it (IPVS's
   * ipvsadm via libnl's nla_nest_start); the kernel accepts both for those families.
   */
  public AttributeWriter nestedWithoutFlag(int type, Consumer<AttributeWriter> body) {
    return nest(type, body);
  }

  private AttributeWriter nest(int typeWithFlags, Consumer<AttributeWriter> body) {
    checkType(typeWithFlags & NetlinkUapi.NLA_TYPE_MASK);
    int start = buffer.position();
    ensure(NetlinkUapi.NLA_HDRLEN).putShort((short) 0).putShort((short) typeWithFlags);
    body.accept(this);
    int length = buffer.position() - start;
    if (length > MAX_ATTRIBUTE_LENGTH) {
      throw new IllegalArgumentException("nested attribute longer than 65535 bytes: " + length);
    }
    buffer.putShort(start, (short) length);
    return this;
  }

  private interface Value {
    void write(ByteBuffer buffer);
  }

  private AttributeWriter attribute(int type, int valueLength, Value value) {
    checkType(type);
    int length = NetlinkUapi.NLA_HDRLEN + valueLength;
    if (length > MAX_ATTRIBUTE_LENGTH) {
      throw new IllegalArgumentException("attribute longer than 65535 bytes: " + length);
    }
    ByteBuffer b = ensure(NetlinkUapi.align(length));
    int start = b.position();
    b.putShort((short) length).putShort((short) type);
    value.write(b);
    b.put(new byte[NetlinkUapi.align(length) - length]);
    if (b.position() - start != NetlinkUapi.align(length)) {
      throw new AssertionError("attribute value wrote " + (b.position() - start) + " bytes");
    }
    return this;
  }

  private static void checkType(int type) {
    if (type < 0 || type > NetlinkUapi.NLA_TYPE_MASK) {
      throw new IllegalArgumentException("attribute type out of range: " + type);
    }
  }

  private static void checkRange(int value, int max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException("not a " + what + ": " + value);
    }
  }

  private ByteBuffer ensure(int extra) {
    if (buffer.remaining() < extra) {
      int capacity = Math.max(buffer.capacity() * 2, buffer.position() + extra);
      ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.nativeOrder());
      buffer.flip();
      bigger.put(buffer);
      buffer = bigger;
    }
    return buffer;
  }

  /** Bytes written so far. */
  public int length() {
    return buffer.position();
  }

  /** A read-only copy of what was written (native order, position 0). */
  public ByteBuffer toBuffer() {
    ByteBuffer copy = ByteBuffer.allocate(buffer.position()).order(ByteOrder.nativeOrder());
    copy.put(buffer.duplicate().flip()).flip();
    return copy.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
  }

  /** The request carrying what was written. */
  public NetlinkRequest toRequest(int type, int flags, String operation) {
    return new NetlinkRequest(type, flags, toBuffer(), operation);
  }
}
