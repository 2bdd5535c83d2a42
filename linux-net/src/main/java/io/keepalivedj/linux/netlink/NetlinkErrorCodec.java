package io.keepalivedj.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes NLMSG_ERROR and NLMSG_DONE payloads (uapi/linux/netlink.h, net/netlink/af_netlink.c
 * netlink_ack / netlink_dump_done):
 *
 * <pre>
 * NLMSG_ERROR: struct nlmsgerr { int error; struct nlmsghdr msg; }
 *              [the request's payload, unless NLM_F_CAPPED]   (NETLINK_CAP_ACK sets CAPPED)
 *              [NLMSGERR_ATTR_* TLVs, when NLM_F_ACK_TLVS]
 * NLMSG_DONE:  int error  [NLMSGERR_ATTR_* TLVs, when NLM_F_ACK_TLVS]
 * </pre>
 * {@code error} is a negative errno or 0.
 */
public final class NetlinkErrorCodec {
  private static final int NLMSGERR_SIZE = 4 + NetlinkUapi.NLMSG_HDRLEN;

  private NetlinkErrorCodec() {
  }

  public static Decoding<NetlinkError> decode(NetlinkMessage message) {
    try {
      return Decoding.decoded(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return Decoding.rejected(e);
    }
  }

  static NetlinkError decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    ByteBuffer p = message.payload().duplicate().order(ByteOrder.nativeOrder());
    NetlinkMessageHeader header = message.header();
    if (header.type() == NetlinkUapi.NLMSG_DONE) {
      // A dump's end; kernels before 4.? may send an empty payload.
      int error = p.remaining() >= 4 ? p.getInt(0) : 0;
      ByteBuffer tlvs = p.remaining() >= 4 ? p.position(4).slice() : ByteBuffer.allocate(0);
      return build(error, Optional.empty(), header, tlvs);
    }
    if (header.type() != NetlinkUapi.NLMSG_ERROR) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE,
          "type " + header.type() + " is neither NLMSG_ERROR nor NLMSG_DONE");
    }
    if (p.remaining() < NLMSGERR_SIZE) {
      throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
          "nlmsgerr needs " + NLMSGERR_SIZE + " bytes, has " + p.remaining());
    }
    int error = p.getInt(0);
    int requestLength = p.getInt(4);
    if (requestLength < NetlinkUapi.NLMSG_HDRLEN) {
      throw new NetlinkFormatException(NetlinkReject.MESSAGE_LENGTH_TOO_SHORT,
          "echoed nlmsg_len " + requestLength);
    }
    NetlinkMessageHeader request = new NetlinkMessageHeader(requestLength,
        p.getShort(8) & 0xffff, p.getShort(10) & 0xffff, p.getInt(12), p.getInt(16));
    int tlvStart = NLMSGERR_SIZE;
    if (!header.hasFlags(NetlinkUapi.NLM_F_CAPPED)) {
      tlvStart += NetlinkUapi.align(requestLength - NetlinkUapi.NLMSG_HDRLEN);
    }
    ByteBuffer tlvs = ByteBuffer.allocate(0);
    if (header.hasFlags(NetlinkUapi.NLM_F_ACK_TLVS)) {
      if (tlvStart > p.remaining()) {
        throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
            "echoed request of " + requestLength + " bytes runs past the error payload");
      }
      tlvs = p.position(tlvStart).slice();
    }
    return build(error, Optional.of(request), header, tlvs);
  }

  private static NetlinkError build(int error, Optional<NetlinkMessageHeader> request,
      NetlinkMessageHeader header, ByteBuffer tlvs) throws NetlinkFormatException {
    if (error > 0 || error < -4095) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, "error code " + error);
    }
    Optional<String> text = Optional.empty();
    OptionalInt offset = OptionalInt.empty();
    if (header.hasFlags(NetlinkUapi.NLM_F_ACK_TLVS)) {
      NetlinkAttributes attributes = NetlinkAttributes.parse(tlvs);
      Optional<NetlinkAttribute> msg = attributes.first(NetlinkUapi.NLMSGERR_ATTR_MSG);
      if (msg.isPresent()) {
        text = Optional.of(msg.get().string());
      }
      Optional<NetlinkAttribute> offs = attributes.first(NetlinkUapi.NLMSGERR_ATTR_OFFS);
      if (offs.isPresent()) {
        offset = OptionalInt.of(offs.get().u32());
      }
    }
    return new NetlinkError(-error, request, text, offset);
  }
}
