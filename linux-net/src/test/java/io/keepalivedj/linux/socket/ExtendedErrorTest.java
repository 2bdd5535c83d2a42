package io.keepalivedj.linux.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The IP_RECVERR item of recvmsg(MSG_ERRQUEUE) as Linux x86_64 lays it out: these are the bytes
 * strace showed for iputils ping's socket after ARP for 192.0.2.99 failed in a test namespace
 * ({ee_errno=113, ee_origin=2, ee_type=3, ee_code=1, offender 192.0.2.2}).
 */
class ExtendedErrorTest {
  private static final HexFormat HEX = HexFormat.of();

  static final String HOST_UNREACHABLE = ""
      + "3000000000000000" // cmsg_len 48 = CMSG_LEN(16 + sizeof(struct sockaddr_in))
      + "00000000"         // cmsg_level SOL_IP
      + "0b000000"         // cmsg_type IP_RECVERR (11)
      + "71000000"         // ee_errno 113 EHOSTUNREACH
      + "02"               // ee_origin SO_EE_ORIGIN_ICMP
      + "03"               // ee_type 3 destination unreachable
      + "01"               // ee_code 1 host unreachable
      + "00"               // ee_pad
      + "00000000"         // ee_info
      + "00000000"         // ee_data
      + "0200"             // offender sin_family AF_INET
      + "0000"             // sin_port
      + "c0000202"         // sin_addr 192.0.2.2
      + "0000000000000000"; // sin_zero

  @Test
  void decodesTheKernelsHostUnreachable() throws Exception {
    List<ControlMessage> items = ControlMessages.decode(ByteBuffer.wrap(HEX.parseHex(HOST_UNREACHABLE)));
    assertThat(items).hasSize(1);
    Optional<ExtendedError> error = ControlMessages.decodeExtendedError(items.get(0));
    assertThat(error).contains(new ExtendedError(113, ErrqueueUapi.SO_EE_ORIGIN_ICMP, 3, 1, 0,
        Optional.of(InetAddress.getByName("192.0.2.2"))));
    assertThat(error.get().describe()).isEqualTo("host unreachable");
  }

  @Test
  void anUnspecifiedOffenderIsNone() {
    // A local error (origin 1, EMSGSIZE 90, info = the MTU 1500) carries offender family AF_UNSPEC.
    String local = HOST_UNREACHABLE.substring(0, 32) + "5a000000" + "01000000" + "dc050000" + "00000000"
        + "0000" + "0000" + "00000000" + "0000000000000000";
    ControlMessage item = ControlMessages.decode(ByteBuffer.wrap(HEX.parseHex(local))).get(0);
    ExtendedError error = ControlMessages.decodeExtendedError(item).orElseThrow();
    assertThat(error.offender()).isEmpty();
    assertThat(error.info()).isEqualTo(1500);
    assertThat(error.describe()).isEqualTo("EMSGSIZE");
  }

  @Test
  void describesIcmpv6ErrorsAndIgnoresOtherItems() {
    assertThat(new ExtendedError(113, ErrqueueUapi.SO_EE_ORIGIN_ICMP6, 1, 3, 0, Optional.empty()).describe())
        .isEqualTo("address unreachable");
    assertThat(new ExtendedError(101, ErrqueueUapi.SO_EE_ORIGIN_ICMP, 3, 0, 0, Optional.empty()).describe())
        .isEqualTo("network unreachable");
    assertThat(ControlMessages.decodeExtendedError(ControlMessages.ofInt(0, 2, 64))).isEmpty();
  }
}
