package io.keepalivedj.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames netlink messages: struct nlmsghdr (uapi/linux/netlink.h) in front of a payload, and
 * the reverse for datagrams holding one or more messages, each padded to 4 bytes.
 *
 * <pre>
 *   0      4      6      8      12     16
 *   +------+------+------+------+------+------------------+-----+
 *   | len  | type | flags| seq  | pid  | payload          | pad |
 *   +------+------+------+------+------+------------------+-----+
 * </pre>
 */
public final class NetlinkMessageCodec {
  private NetlinkMessageCodec() {
  }

  /**
   * The request's bytes with the given sequence number and port id (0 lets the kernel fill in
   * the socket's), NLM_F_REQUEST added, native order, position 0.
   */
  public static ByteBuffer encode(NetlinkRequest request, int seq, int pid) {
    int length = NetlinkUapi.NLMSG_HDRLEN + request.payload().remaining();
    ByteBuffer b = ByteBuffer.allocate(NetlinkUapi.align(length)).order(ByteOrder.nativeOrder());
    b.putInt(length)
        .putShort((short) request.type())
        .putShort((short) (request.flags() | NetlinkUapi.NLM_F_REQUEST))
        .putInt(seq)
        .putInt(pid)
        .put(request.payload().duplicate());
    b.position(0).limit(length);
    return b;
  }

  /** Splits a received datagram (its remaining bytes) into messages, checking every length. */
  public static Decoding<List<NetlinkMessage>> decode(ByteBuffer datagram) {
    try {
      return Decoding.decoded(decodeOrThrow(datagram));
    } catch (NetlinkFormatException e) {
      return Decoding.rejected(e);
    }
  }

  static List<NetlinkMessage> decodeOrThrow(ByteBuffer datagram) throws NetlinkFormatException {
    ByteBuffer b = datagram.slice().order(ByteOrder.nativeOrder());
    List<NetlinkMessage> messages = new ArrayList<>();
    int offset = 0;
    int end = b.remaining();
    while (offset < end) {
      if (end - offset < NetlinkUapi.NLMSG_HDRLEN) {
        throw new NetlinkFormatException(NetlinkReject.MESSAGE_HEADER_TRUNCATED,
            (end - offset) + " bytes left at offset " + offset);
      }
      int length = b.getInt(offset);
      if (length < NetlinkUapi.NLMSG_HDRLEN) {
        throw new NetlinkFormatException(NetlinkReject.MESSAGE_LENGTH_TOO_SHORT,
            "nlmsg_len " + Integer.toUnsignedString(length) + " at offset " + offset);
      }
      if (length > end - offset) {
        throw new NetlinkFormatException(NetlinkReject.MESSAGE_LENGTH_BEYOND_DATAGRAM,
            "nlmsg_len " + length + " at offset " + offset + " with " + (end - offset) + " bytes left");
      }
      NetlinkMessageHeader header = new NetlinkMessageHeader(length,
          b.getShort(offset + 4) & 0xffff, b.getShort(offset + 6) & 0xffff,
          b.getInt(offset + 8), b.getInt(offset + 12));
      ByteBuffer payload = b.duplicate();
      payload.position(offset + NetlinkUapi.NLMSG_HDRLEN).limit(offset + length);
      messages.add(new NetlinkMessage(header, payload));
      offset += Math.min(NetlinkUapi.align(length), end - offset);
    }
    return List.copyOf(messages);
  }
}
