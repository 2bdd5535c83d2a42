package io.keepalivedj.linux.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Our GARP and NA frames against keepalived 2.2.7's (src/test/resources/golden/packet/README.md). */
class PacketGoldenTest {
  private static final HexFormat HEX = HexFormat.of();
  static final MacAddress LB1 = MacAddress.parse("02:00:5e:c0:02:02");
  static final MacAddress LB2 = MacAddress.parse("02:00:5e:c0:02:03");

  static byte[] golden(String name) {
    try (InputStream in = PacketGoldenTest.class.getResourceAsStream("/golden/packet/" + name + ".hex")) {
      if (in == null) {
        throw new IllegalArgumentException("no golden frame " + name);
      }
      return HEX.parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] array(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  static Inet4Address v4(String text) throws Exception {
    return (Inet4Address) InetAddress.getByName(text);
  }

  static Inet6Address v6(String text) throws Exception {
    return (Inet6Address) InetAddress.getByName(text);
  }

  @Test
  void gratuitousArpMatchesKeepalivedByteForByte() throws Exception {
    assertThat(HEX.formatHex(array(GratuitousArpCodec.encode(new GratuitousArp(LB1, v4("192.0.2.1"))))))
        .isEqualTo(HEX.formatHex(golden("garp-f-garp-na-192.0.2.1")));
    assertThat(array(GratuitousArpCodec.encode(new GratuitousArp(LB2, v4("192.0.2.1")))))
        .isEqualTo(golden("garp-a-v2-pass-192.0.2.1"));
  }

  @Test
  void gratuitousArpFieldsAreWhereRfc826PutsThem() throws Exception {
    ByteBuffer frame = GratuitousArpCodec.encode(new GratuitousArp(LB1, v4("198.51.100.7")));
    String expected = ""
        + "ffffffffffff"  // Ethernet destination: broadcast
        + "02005ec00202"  // Ethernet source: the sender's MAC
        + "0806"          // EtherType ARP
        + "0001"          // ar_hrd ARPHRD_ETHER
        + "0800"          // ar_pro IPv4
        + "06" + "04"     // ar_hln, ar_pln
        + "0001"          // ar_op request
        + "02005ec00202"  // sender hardware address
        + "c6336407"      // sender protocol address 198.51.100.7
        + "ffffffffffff"  // target hardware address (keepalived: broadcast)
        + "c6336407";     // target protocol address = sender's
    assertThat(HEX.formatHex(array(frame))).isEqualTo(expected);
    assertThat(array(GratuitousArpCodec.encodeArp(new GratuitousArp(LB1, v4("198.51.100.7")))))
        .isEqualTo(HEX.parseHex(expected.substring(28)));
  }

  @Test
  void neighbourAdvertisementMatchesKeepalivedByteForByte() throws Exception {
    NeighbourAdvertisement global = NeighbourAdvertisement.unsolicited(LB1, v6("2001:db8::1"));
    assertThat(HEX.formatHex(array(NeighbourAdvertisementCodec.encode(global))))
        .isEqualTo(HEX.formatHex(golden("na-f-garp-na-2001.db8..1")));
    NeighbourAdvertisement linkLocal = NeighbourAdvertisement.unsolicited(LB2, v6("fe80::1"));
    assertThat(HEX.formatHex(array(NeighbourAdvertisementCodec.encode(linkLocal))))
        .isEqualTo(HEX.formatHex(golden("na-d2-v3-ipv6-linklocal-fe80..1")));
  }

  @Test
  void neighbourAdvertisementFlagsAndChecksum() throws Exception {
    NeighbourAdvertisement router = new NeighbourAdvertisement(LB1, v6("2001:db8::1"), v6("2001:db8::1"), true, true);
    ByteBuffer packet = NeighbourAdvertisementCodec.encodePacket(router);
    assertThat(packet.remaining()).isEqualTo(72);
    assertThat(packet.get(40 + 4)).isEqualTo((byte) 0xa0); // R | O
    // A correct checksum makes the sum over pseudo-header and message come out 0.
    ByteBuffer icmp = packet.duplicate().position(40);
    assertThat(InternetChecksum.ipv6(v6("2001:db8::1"), v6("ff02::1"), 58, icmp)).isZero();
    // Only the flag byte and the checksum differ from the golden override-only NA.
    byte[] golden = golden("na-f-garp-na-2001.db8..1");
    byte[] ours = array(NeighbourAdvertisementCodec.encode(router));
    for (int i = 0; i < golden.length; i++) {
      if (i != 14 + 40 + 2 && i != 14 + 40 + 3 && i != 14 + 40 + 4) {
        assertThat(ours[i]).as("byte %d", i).isEqualTo(golden[i]);
      }
    }
    assertThat(ours[14 + 40 + 4]).isNotEqualTo(golden[14 + 40 + 4]);
  }

  @Test
  void internetChecksumFollowsRfc1071() throws Exception {
    // RFC 1071 §3: 0001 f203 f4f5 f6f7 sums to ddf2, so the checksum is its complement 220d.
    assertThat(InternetChecksum.compute(ByteBuffer.wrap(HEX.parseHex("0001f203f4f5f6f7")))).isEqualTo(0x220d);
    // An odd byte counts as the high half of a last word: ddf2 + ff00 = 1dcf2, folded dcf3.
    assertThat(InternetChecksum.compute(ByteBuffer.wrap(HEX.parseHex("0001f203f4f5f6f7ff")))).isEqualTo(0x230c);
    // keepalived's VRRPv3 advert of capture d-v3-ipv6 (checksum zeroed): 0xdd37 under the
    // pseudo-header fe80::5eff:fec0:202 -> ff02::12, next header 112.
    ByteBuffer advert = ByteBuffer.wrap(HEX.parseHex("31c86501006400002001" + "0db8000000000000000000000001"));
    assertThat(InternetChecksum.ipv6(v6("fe80::5eff:fec0:202"), v6("ff02::12"), 112, advert)).isEqualTo(0xdd37);
    assertThat(advert.position()).isZero();
  }

  @Test
  void macAddressesRoundTripAndMap() throws Exception {
    assertThat(LB1.toString()).isEqualTo("02:00:5e:c0:02:02");
    assertThat(LB1.value()).isEqualTo(0x02005ec00202L);
    assertThat(MacAddress.of(LB1.bytes())).isEqualTo(LB1);
    assertThat(MacAddress.ofIpv6Multicast(v6("ff02::12"))).isEqualTo(MacAddress.parse("33:33:00:00:00:12"));
    assertThat(MacAddress.ofIpv6Multicast(v6("ff02::1"))).isEqualTo(MacAddress.IPV6_ALL_NODES);
    assertThatThrownBy(() -> new MacAddress(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MacAddress.of(new byte[5])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordsRejectWhatCannotBeAnnounced() throws Exception {
    MacAddress group = MacAddress.parse("01:00:5e:00:00:12");
    assertThatThrownBy(() -> new GratuitousArp(group, v4("192.0.2.1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GratuitousArp(LB1, v4("224.0.0.18"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GratuitousArp(LB1, v4("255.255.255.255"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GratuitousArp(LB1, v4("0.0.0.0"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NeighbourAdvertisement.unsolicited(LB1, v6("ff02::1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NeighbourAdvertisement(LB1, v6("::"), v6("2001:db8::1"), false, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NeighbourAdvertisement.unsolicited(group, v6("2001:db8::1"))).isInstanceOf(IllegalArgumentException.class);
  }
}
