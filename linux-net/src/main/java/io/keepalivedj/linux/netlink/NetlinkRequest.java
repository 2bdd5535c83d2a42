package io.keepalivedj.linux.netlink;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A request before the socket numbers it: type, flags and the payload after the nlmsghdr (the
 * family header and attributes, built with {@link AttributeWriter}). {@code operation} names it
 * in errors, e.g. {@code "ip addr add 192.0.2.10/24 dev eth1"}.
 *
 * @param payload read-only copy, position 0
 */
public record NetlinkRequest(int type, int flags, ByteBuffer payload, String operation) {
  public NetlinkRequest {
    if (type < NetlinkUapi.NLMSG_MIN_TYPE || type > 0xffff) {
      throw new IllegalArgumentException("not a request message type: " + type);
    }
    if (flags < 0 || flags > 0xffff) {
      throw new IllegalArgumentException("nlmsg_flags not a u16: " + flags);
    }
    Objects.requireNonNull(operation, "operation");
    payload = readOnlyCopy(payload);
  }

  static ByteBuffer readOnlyCopy(ByteBuffer source) {
    ByteBuffer view = source.duplicate();
    ByteBuffer copy = ByteBuffer.allocate(view.remaining());
    copy.put(view).flip();
    return copy.asReadOnlyBuffer();
  }

}
