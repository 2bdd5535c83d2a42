package io.keepalivedj.linux.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Echo messages worked out by hand from RFC 792 p. 14 (ICMP) and RFC 4443 §4.1-4.2 (ICMPv6),
 * checksums by RFC 1071: the one's-complement sum of the 16-bit words, carries folded back in,
 * then inverted, with the checksum field counted as 0.
 */
class IcmpEchoCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final StandardProtocolFamily INET = StandardProtocolFamily.INET;
  private static final StandardProtocolFamily INET6 = StandardProtocolFamily.INET6;

  static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  static String hex(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return HEX.formatHex(bytes);
  }

  static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HEX.parseHex(hex));
  }

  // 0x0800 + 0x1234 + 0x0001 + 0x6162 + 0x6364 = 0xdefb (no carry); ~0xdefb = 0x2104
  static final String REQUEST = ""
      + "08"       // type 8: echo
      + "00"       // code 0
      + "2104"     // checksum
      + "1234"     // identifier
      + "0001"     // sequence number
      + "61626364"; // data "abcd"

  // 0x0000 + 0x1234 + 0x0001 + 0x6162 + 0x6364 = 0xd6fb; ~0xd6fb = 0x2904
  static final String REPLY = ""
      + "00"       // type 0: echo reply
      + "00"       // code 0
      + "2904"     // checksum
      + "1234"     // identifier
      + "0001"     // sequence number
      + "61626364"; // data "abcd"

  @Test
  void echoRequestMatchesTheHandWorkedBytes() {
    IcmpEcho request = new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 0x1234, 1, ascii("abcd"));
    assertThat(hex(IcmpEchoCodec.encode(request))).isEqualTo(REQUEST);
    assertThat(IcmpEchoCodec.decode(INET, bytes(REQUEST))).isEqualTo(new IcmpEchoCodec.Echo(request));
  }

  @Test
  void echoReplyMatchesTheHandWorkedBytes() {
    IcmpEcho reply = new IcmpEcho(IcmpEchoType.ECHO_REPLY, 0x1234, 1, ascii("abcd"));
    assertThat(hex(IcmpEchoCodec.encode(reply))).isEqualTo(REPLY);
    assertThat(IcmpEchoCodec.decode(INET, bytes(REPLY))).isEqualTo(new IcmpEchoCodec.Echo(reply));
  }

  @Test
  void checksumFoldsCarriesAndPadsAnOddByte() {
    // 0x0800 + 0xffff + 0xffff = 0x207fe; fold: 0x07fe + 0x2 = 0x0800; ~0x0800 = 0xf7ff
    IcmpEcho carries = new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 0xffff, 0xffff, ByteBuffer.allocate(0));
    assertThat(hex(IcmpEchoCodec.encode(carries))).isEqualTo("0800f7ffffffffff");
    // "abc" pads to the words 0x6162 0x6300: 0x0800 + 0x1234 + 0x0001 + 0x6162 + 0x6300 = 0xde97;
    // ~0xde97 = 0x2168
    IcmpEcho odd = new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 0x1234, 1, ascii("abc"));
    assertThat(hex(IcmpEchoCodec.encode(odd))).isEqualTo("0800216812340001616263");
    assertThat(IcmpEchoCodec.decode(INET, IcmpEchoCodec.encode(odd))).isEqualTo(new IcmpEchoCodec.Echo(odd));
  }

  @Test
  void icmpv6LeavesTheChecksumToTheKernel() {
    // RFC 4443 §2.3: the checksum covers the pseudo-header, whose source the kernel picks.
    IcmpEcho request = new IcmpEcho(IcmpEchoType.ECHO_REQUEST_V6, 0x1234, 1, ascii("abcd"));
    assertThat(hex(IcmpEchoCodec.encode(request))).isEqualTo(""
        + "80"        // type 128: echo request
        + "00"        // code 0
        + "0000"      // checksum: the kernel's
        + "1234"      // identifier
        + "0001"      // sequence number
        + "61626364"); // data
    // A reply as received: whatever checksum the kernel verified is accepted.
    IcmpEcho reply = new IcmpEcho(IcmpEchoType.ECHO_REPLY_V6, 0x1234, 1, ascii("abcd"));
    assertThat(IcmpEchoCodec.decode(INET6, bytes("8100beef1234000161626364"))).isEqualTo(new IcmpEchoCodec.Echo(reply));
  }

  @Test
  void rejectsShortForeignMiscodedAndCorruptMessages() {
    assertThat(IcmpEchoCodec.decode(INET, bytes("00002904123400"))).isEqualTo(rejected(IcmpEchoCodec.Rejection.TRUNCATED));
    // Type 3 (destination unreachable) is ICMP but not an echo; 129 is an echo reply only in ICMPv6.
    assertThat(IcmpEchoCodec.decode(INET, bytes("0301fcfe00000000"))).isEqualTo(rejected(IcmpEchoCodec.Rejection.NOT_ECHO));
    assertThat(IcmpEchoCodec.decode(INET, bytes("81002904123400016162"))).isEqualTo(rejected(IcmpEchoCodec.Rejection.NOT_ECHO));
    assertThat(IcmpEchoCodec.decode(INET6, bytes(REPLY))).isEqualTo(rejected(IcmpEchoCodec.Rejection.NOT_ECHO));
    assertThat(IcmpEchoCodec.decode(INET, bytes("0001290412340001"))).isEqualTo(rejected(IcmpEchoCodec.Rejection.NONZERO_CODE));
    // One data bit flipped: "abce".
    assertThat(IcmpEchoCodec.decode(INET, bytes("000029041234000161626365"))).isEqualTo(rejected(IcmpEchoCodec.Rejection.BAD_CHECKSUM));
  }

  @Test
  void quotedRequestsNeedNoChecksum() {
    // An error quoting our request's first 10 bytes: the checksum covers bytes we do not have.
    ByteBuffer quote = bytes(REQUEST.substring(0, 20));
    assertThat(IcmpEchoCodec.decode(INET, quote)).isEqualTo(rejected(IcmpEchoCodec.Rejection.BAD_CHECKSUM));
    assertThat(IcmpEchoCodec.decodeQuoted(INET, quote))
        .isEqualTo(new IcmpEchoCodec.Echo(new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 0x1234, 1, ascii("ab"))));
    assertThat(IcmpEchoCodec.decodeQuoted(INET, bytes("0800"))).isEqualTo(rejected(IcmpEchoCodec.Rejection.TRUNCATED));
  }

  @Test
  void decodingLeavesTheBufferAndRecordsAreImmutable() {
    ByteBuffer in = bytes(REPLY);
    IcmpEcho echo = ((IcmpEchoCodec.Echo) IcmpEchoCodec.decode(INET, in)).echo();
    assertThat(in.position()).isZero();
    in.put(8, (byte) 'z');
    assertThat(echo.payload()).isEqualTo(ascii("abcd"));
    assertThat(echo.payload().isReadOnly()).isTrue();
    assertThatThrownBy(() -> new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 65536, 0, ByteBuffer.allocate(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 0, -1, ByteBuffer.allocate(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IcmpEcho(IcmpEchoType.ECHO_REQUEST, 0, 0, ByteBuffer.allocate(IcmpEcho.MAX_PAYLOAD_BYTES + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(IcmpEchoType.fromCode(INET6, 128)).contains(IcmpEchoType.ECHO_REQUEST_V6);
    assertThat(IcmpEchoType.fromCode(INET, 128)).isEmpty();
    assertThat(IcmpEchoType.request(INET)).isEqualTo(IcmpEchoType.ECHO_REQUEST);
  }

  static IcmpEchoCodec.Rejected rejected(IcmpEchoCodec.Rejection reason) {
    return new IcmpEchoCodec.Rejected(reason);
  }
}
