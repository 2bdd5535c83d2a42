package io.keepalivedj.linux.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.SocketUapi;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Golden msg_control bytes as Linux x86_64 lays them out for a raw socket with IP_PKTINFO +
 * IP_RECVTTL (net/ipv4/ip_sockglue.c ip_cmsg_recv_offset: PKTINFO before TTL) and
 * IPV6_RECVPKTINFO + IPV6_RECVHOPLIMIT (net/ipv6/datagram.c ip6_datagram_recv_specific_ctl:
 * PKTINFO before HOPLIMIT); each item padded to CMSG_SPACE, 8-byte alignment.
 */
class ControlMessagesTest {
  private static final HexFormat HEX = HexFormat.of();

  static final String IPV4_RECEIVED = ""
      + "1c00000000000000" // cmsg_len 28 = CMSG_LEN(sizeof(struct in_pktinfo))
      + "00000000"         // cmsg_level SOL_IP
      + "08000000"         // cmsg_type IP_PKTINFO
      + "03000000"         // ipi_ifindex 3
      + "c0000201"         // ipi_spec_dst 192.0.2.1
      + "e0000012"         // ipi_addr 224.0.0.18
      + "00000000"         // padding to CMSG_SPACE(12) = 32
      + "1400000000000000" // cmsg_len 20 = CMSG_LEN(sizeof(int))
      + "00000000"         // SOL_IP
      + "02000000"         // IP_TTL
      + "ff000000"         // 255
      + "00000000";        // padding to CMSG_SPACE(4) = 24

  static final String IPV6_RECEIVED = ""
      + "2400000000000000" // cmsg_len 36 = CMSG_LEN(sizeof(struct in6_pktinfo))
      + "29000000"         // SOL_IPV6 (41)
      + "32000000"         // IPV6_PKTINFO (50)
      + "ff020000000000000000000000000012" // ipi6_addr ff02::12
      + "04000000"         // ipi6_ifindex 4
      + "00000000"         // padding to CMSG_SPACE(20) = 40
      + "1400000000000000" // cmsg_len 20
      + "29000000"         // SOL_IPV6
      + "34000000"         // IPV6_HOPLIMIT (52)
      + "ff000000"         // 255
      + "00000000";        // padding

  private static ByteBuffer hex(String text) {
    return ByteBuffer.wrap(HEX.parseHex(text));
  }

  private static String hex(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return HEX.formatHex(bytes);
  }

  @Test
  void cmsgMacrosFollowTheX8664Abi() {
    assertThat(ControlMessages.length(4)).isEqualTo(20);
    assertThat(ControlMessages.space(4)).isEqualTo(24);
    assertThat(ControlMessages.space(12)).isEqualTo(32);
    assertThat(ControlMessages.space(20)).isEqualTo(40);
    assertThat(ControlMessages.space(0)).isEqualTo(16);
    assertThat(ControlMessages.align(17)).isEqualTo(24);
    assertThat(ControlMessages.align(24)).isEqualTo(24);
  }

  @Test
  void decodesAndEncodesIpv4ReceiveData() throws Exception {
    Ipv4PacketInfo info = new Ipv4PacketInfo(3, (Inet4Address) InetAddress.getByName("192.0.2.1"),
        (Inet4Address) InetAddress.getByName("224.0.0.18"));
    List<ControlMessage> decoded = ControlMessages.decode(hex(IPV4_RECEIVED));
    assertThat(decoded).containsExactly(
        ControlMessages.encodeIpv4PacketInfo(info),
        ControlMessages.ofInt(SocketUapi.SOL_IP, InUapi.IP_TTL, 255));
    assertThat(ControlMessages.decodeIpv4PacketInfo(decoded.get(0))).contains(info);
    assertThat(ControlMessages.intValue(decoded.get(1), SocketUapi.SOL_IP, InUapi.IP_TTL)).hasValue(255);
    // Wrong type or level: not mistaken for another item.
    assertThat(ControlMessages.decodeIpv4PacketInfo(decoded.get(1))).isEmpty();
    assertThat(ControlMessages.intValue(decoded.get(1), SocketUapi.SOL_IPV6, InUapi.IP_TTL)).isEmpty();
    assertThat(hex(ControlMessages.encode(decoded))).isEqualTo(IPV4_RECEIVED);
  }

  @Test
  void decodesAndEncodesIpv6ReceiveData() throws Exception {
    Ipv6PacketInfo info = new Ipv6PacketInfo((Inet6Address) InetAddress.getByName("ff02::12"), 4);
    List<ControlMessage> decoded = ControlMessages.decode(hex(IPV6_RECEIVED));
    assertThat(decoded).hasSize(2);
    assertThat(ControlMessages.decodeIpv6PacketInfo(decoded.get(0))).contains(info);
    assertThat(ControlMessages.intValue(decoded.get(1), SocketUapi.SOL_IPV6, In6Uapi.IPV6_HOPLIMIT)).hasValue(255);
    List<ControlMessage> built = List.of(ControlMessages.encodeIpv6PacketInfo(info),
        ControlMessages.ofInt(SocketUapi.SOL_IPV6, In6Uapi.IPV6_HOPLIMIT, 255));
    assertThat(decoded).isEqualTo(built);
    assertThat(hex(ControlMessages.encode(built))).isEqualTo(IPV6_RECEIVED);
  }

  @Test
  void sendSideIpv4PacketInfoSetsIfindexAndSourceOnly() throws Exception {
    // What RawIpSocket.send passes for "from 198.51.100.7 out of ifindex 5".
    ControlMessage item = ControlMessages.encodeIpv4PacketInfo(new Ipv4PacketInfo(5,
        (Inet4Address) InetAddress.getByName("198.51.100.7"), (Inet4Address) InetAddress.getByName("0.0.0.0")));
    assertThat(hex(ControlMessages.encode(List.of(item)))).isEqualTo(
        "1c00000000000000" + "00000000" + "08000000" + "05000000" + "c6336407" + "00000000" + "00000000");
  }

  @Test
  void oddDataIsPaddedAndTheNextItemAligned() {
    ControlMessage one = new ControlMessage(1, 2, ByteBuffer.wrap(new byte[] {(byte) 0xab}));
    ControlMessage two = ControlMessages.ofInt(3, 4, 0x01020304);
    ByteBuffer encoded = ControlMessages.encode(List.of(one, two));
    String expected = ""
        + "1100000000000000" + "01000000" + "02000000" + "ab" + "00000000000000" // 17 -> 24
        + "1400000000000000" + "03000000" + "04000000"
        + HEX.formatHex(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0x01020304).array())
        + "00000000";
    assertThat(hex(encoded)).isEqualTo(expected);
    assertThat(ControlMessages.decode(encoded)).containsExactly(one, two);
    // decode leaves the argument's position alone
    assertThat(encoded.position()).isZero();
  }

  @Test
  void decodingStopsWhereGlibcsCmsgNxthdrWould() {
    byte[] all = HEX.parseHex(IPV4_RECEIVED);
    // The kernel cut the second item (MSG_CTRUNC): its cmsg_len reaches past the buffer.
    ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(all, 32 + 18));
    assertThat(ControlMessages.decode(cut)).hasSize(1);
    // Fewer bytes than a header after the first item: ignored.
    assertThat(ControlMessages.decode(ByteBuffer.wrap(Arrays.copyOf(all, 32 + 8)))).hasSize(1);
    // A cmsg_len below the header size ends the walk (glibc returns NULL).
    byte[] bad = all.clone();
    bad[32] = 8;
    assertThat(ControlMessages.decode(ByteBuffer.wrap(bad))).hasSize(1);
    assertThat(ControlMessages.decode(ByteBuffer.allocate(0))).isEmpty();
    // A too-short in_pktinfo is not decoded as one.
    ControlMessage shortInfo = new ControlMessage(SocketUapi.SOL_IP, InUapi.IP_PKTINFO, ByteBuffer.allocate(8));
    assertThat(ControlMessages.decodeIpv4PacketInfo(shortInfo)).isEqualTo(Optional.empty());
    assertThat(ControlMessages.intValue(shortInfo, SocketUapi.SOL_IP, InUapi.IP_PKTINFO)).isEqualTo(OptionalInt.empty());
  }

  @Test
  void controlMessageIsAnImmutableCopy() {
    ByteBuffer source = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    ControlMessage item = new ControlMessage(0, 2, source);
    source.put(0, (byte) 9);
    assertThat(item.data().get(0)).isEqualTo((byte) 1);
    ByteBuffer view = item.data();
    view.get();
    assertThat(item.data().remaining()).isEqualTo(4);
    assertThat(view.isReadOnly()).isTrue();
    assertThatThrownBy(() -> new ControlMessage(0, 0, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void receivedDatagramValidatesAndCopies() throws Exception {
    InetAddress v4 = InetAddress.getByName("192.0.2.2");
    InetAddress group = InetAddress.getByName("224.0.0.18");
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {0x21, (byte) 0xc8});
    ReceivedDatagram datagram = new ReceivedDatagram(bytes, v4, group, 255, 3);
    bytes.put(0, (byte) 0);
    assertThat(datagram.payload().get(0)).isEqualTo((byte) 0x21);
    assertThat(datagram).isEqualTo(new ReceivedDatagram(ByteBuffer.wrap(new byte[] {0x21, (byte) 0xc8}), v4, group, 255, 3));
    assertThatThrownBy(() -> new ReceivedDatagram(bytes, v4, InetAddress.getByName("ff02::12"), 255, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReceivedDatagram(bytes, v4, group, 256, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReceivedDatagram(bytes, v4, group, 255, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
