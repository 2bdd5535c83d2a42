package io.keepalivedj.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One received message: its header and the payload after it (header.len() - 16 bytes).
 *
 * @param payload read-only, position 0, native order
 */
public record NetlinkMessage(NetlinkMessageHeader header, ByteBuffer payload) {
  public NetlinkMessage {
    Objects.requireNonNull(header, "header");
    if (payload.remaining() != header.len() - NetlinkUapi.NLMSG_HDRLEN) {
      throw new IllegalArgumentException("payload of " + payload.remaining()
          + " bytes for nlmsg_len " + header.len());
    }
    payload = NetlinkRequest.readOnlyCopy(payload).order(ByteOrder.nativeOrder());
  }

  public int type() {
    return header.type();
  }
}
