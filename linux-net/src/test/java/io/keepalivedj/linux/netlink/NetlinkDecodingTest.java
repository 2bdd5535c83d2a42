package io.keepalivedj.linux.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NetlinkDecodingTest {
  private static ByteBuffer hex(String text) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(text.replaceAll("\\s+", ""))).order(ByteOrder.nativeOrder());
  }

  private static NetlinkReject reason(Decoding<?> decoding) {
    assertThat(decoding).isInstanceOf(Decoding.Rejected.class);
    return ((Decoding.Rejected<?>) decoding).reason();
  }

  @Test
  void encodeWritesTheHeaderAndAddsRequest() {
    NetlinkRequest request = new AttributeWriter().u32(1, 5).toRequest(0x20, NetlinkUapi.NLM_F_ACK, "test");
    ByteBuffer bytes = NetlinkMessageCodec.encode(request, 0x01020304, 77);
    assertThat(HexFormat.of().formatHex(Golden.toArray(bytes))).isEqualTo(
        "18000000" + "2000" + "0500" + "04030201" + "4d000000" + "08000100" + "05000000");
  }

  @Test
  void splitsADatagramOfSeveralMessages() throws Exception {
    List<NetlinkMessage> messages = NetlinkMessageCodec.decode(hex("""
        14000000 1000 0200 01000000 02000000 aabbccdd
        14000000 0300 0200 01000000 02000000 00000000
        """)).orThrow();
    assertThat(messages).extracting(NetlinkMessage::type).containsExactly(0x10, NetlinkUapi.NLMSG_DONE);
    assertThat(messages.get(0).header()).isEqualTo(new NetlinkMessageHeader(20, 0x10, 2, 1, 2));
    assertThat(messages.get(0).payload().getInt(0)).isEqualTo(0xddccbbaa);
  }

  @Test
  void rejectsMalformedDatagrams() {
    assertThat(reason(NetlinkMessageCodec.decode(hex("140000001000"))))
        .isEqualTo(NetlinkReject.MESSAGE_HEADER_TRUNCATED);
    assertThat(reason(NetlinkMessageCodec.decode(hex("0c000000 1000 0000 00000000 00000000"))))
        .isEqualTo(NetlinkReject.MESSAGE_LENGTH_TOO_SHORT);
    assertThat(reason(NetlinkMessageCodec.decode(hex("ffffff7f 1000 0000 00000000 00000000"))))
        .isEqualTo(NetlinkReject.MESSAGE_LENGTH_BEYOND_DATAGRAM);
    assertThat(reason(NetlinkMessageCodec.decode(hex("ffffffff 1000 0000 00000000 00000000"))))
        .isEqualTo(NetlinkReject.MESSAGE_LENGTH_TOO_SHORT);
  }

  @Test
  void rejectsMalformedAttributes() {
    assertThatThrownBy(() -> NetlinkAttributes.parse(hex("0800")))
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.ATTRIBUTE_HEADER_TRUNCATED));
    assertThatThrownBy(() -> NetlinkAttributes.parse(hex("03000100")))
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.ATTRIBUTE_LENGTH_TOO_SHORT));
    assertThatThrownBy(() -> NetlinkAttributes.parse(hex("0c000100 00000000")))
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.ATTRIBUTE_LENGTH_BEYOND_PARENT));
    // A nest whose child claims more than the nest holds.
    assertThatThrownBy(() -> NetlinkAttributes.parse(hex("0c000180 10000200 00000000")).require(1).nestedAttributes())
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.ATTRIBUTE_LENGTH_BEYOND_PARENT));
  }

  @Test
  void typedAccessorsCheckSizesAndTermination() throws Exception {
    NetlinkAttributes attributes = NetlinkAttributes.parse(hex("07000100 616263ff 06000200 01020000"));
    assertThatThrownBy(() -> attributes.require(1).u32())
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.ATTRIBUTE_VALUE_SIZE));
    assertThatThrownBy(() -> attributes.require(1).string())
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.STRING_NOT_TERMINATED));
    assertThat(attributes.require(2).u16()).isEqualTo(0x0201);
    assertThatThrownBy(() -> attributes.require(3))
        .isInstanceOfSatisfying(NetlinkFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(NetlinkReject.ATTRIBUTE_MISSING));
  }

  @Test
  void acceptsALastAttributeWithoutPadding() throws Exception {
    NetlinkAttributes attributes = NetlinkAttributes.parse(hex("05000100 07"));
    assertThat(attributes.require(1).u8()).isEqualTo(7);
  }

  @Test
  void decodesTheKernelsExtendedAckForADuplicateAddress() throws Exception {
    // golden/addr-add-v4-dup-03-recv: the kernel's answer to a second `ip addr add` of the same
    // address: NLMSG_ERROR, flags NLM_F_ACK_TLVS, error -17, the request echoed (iproute2 does
    // not set NETLINK_CAP_ACK), then NLMSGERR_ATTR_MSG.
    NetlinkMessage message = NetlinkMessageCodec.decode(Golden.buffer("addr-add-v4-dup-03-recv")).orThrow().get(0);
    NetlinkError error = NetlinkErrorCodec.decode(message).orThrow();
    assertThat(error.errno()).isEqualTo(17);
    assertThat(error.message()).contains("ipv4: Address already assigned");
    assertThat(error.attributeOffset()).isEmpty();
    assertThat(error.request()).get().extracting(NetlinkMessageHeader::len, NetlinkMessageHeader::type)
        .containsExactly(60, 0x14);
  }

  @Test
  void decodesACappedAckAndTheErrorOfAMissingGenericFamily() throws Exception {
    // golden/addr-add-v4-03-recv: a plain ACK (error 0, NLM_F_CAPPED).
    NetlinkError ack = NetlinkErrorCodec.decode(
        NetlinkMessageCodec.decode(Golden.buffer("addr-add-v4-03-recv")).orThrow().get(0)).orThrow();
    assertThat(ack.isAck()).isTrue();
    assertThat(ack.message()).isEmpty();
    // golden/genl-get-ipvs-01-recv: ENOENT, request echoed, no TLVs.
    NetlinkError enoent = NetlinkErrorCodec.decode(
        NetlinkMessageCodec.decode(Golden.buffer("genl-get-ipvs-01-recv")).orThrow().get(0)).orThrow();
    assertThat(enoent.errno()).isEqualTo(2);
  }

  @Test
  void decodesDoneWithAnErrorAndAnOffset() throws Exception {
    // NLMSG_DONE of a failed dump: error -22, NLM_F_ACK_TLVS with MSG "bad" and OFFS 20.
    NetlinkMessage done = NetlinkMessageCodec.decode(hex("""
        24000000 0300 0202 05000000 06000000 eaffffff
        08000100 62616400 08000200 14000000
        """)).orThrow().get(0);
    assertThat(NetlinkErrorCodec.decode(done).orThrow())
        .isEqualTo(new NetlinkError(22, Optional.empty(), Optional.of("bad"), OptionalInt.of(20)));
  }

  @Test
  void rejectsATruncatedError() throws Exception {
    NetlinkMessage shortError = NetlinkMessageCodec.decode(hex("18000000 0200 0000 01000000 00000000 eaffffff 00000000")).orThrow().get(0);
    assertThat(reason(NetlinkErrorCodec.decode(shortError))).isEqualTo(NetlinkReject.FAMILY_HEADER_TRUNCATED);
    // Claims an uncapped 60-byte request echo but carries none, with ACK_TLVS set.
    NetlinkMessage noEcho = NetlinkMessageCodec.decode(hex(
        "24000000 0200 0002 01000000 00000000 eaffffff 3c000000 1400 0506 01000000 00000000")).orThrow().get(0);
    assertThat(reason(NetlinkErrorCodec.decode(noEcho))).isEqualTo(NetlinkReject.FAMILY_HEADER_TRUNCATED);
  }
}
