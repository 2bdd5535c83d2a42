package io.keepalivedj.linux.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.packet.IfEtherUapi;
import io.keepalivedj.linux.packet.PacketSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("netns")
class RawIpSocketNetnsTest {
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final Duration QUIET = Duration.ofMillis(300);

  /** VRRPv2 advert of capture a-v2-pass frame 1 (RFC 3768 §5.1). */
  private static final String V2_ADVERT = ""
      + "21"                  // version 2, type 1 (advertisement)
      + "c8"                  // VRID 200
      + "65"                  // priority 101
      + "01"                  // count IP addrs 1
      + "01"                  // auth type 1 (simple text password)
      + "01"                  // adver int 1 s
      + "ad2a"                // checksum over the VRRP message
      + "c0000201"            // VIP 192.0.2.1
      + "5858585858580000";   // auth data "XXXXXX", zero-padded to 8

  /** VRRPv3 advert of capture d-v3-ipv6 from fe80::5eff:fec0:202 to ff02::12 (RFC 5798 §5.1). */
  private static final String V3_ADVERT_IPV6 = ""
      + "31"                  // version 3, type 1
      + "c8"                  // VRID 200
      + "65"                  // priority 101
      + "01"                  // count 1
      + "0064"                // reserved 0, max adver int 100 centiseconds
      + "dd37"                // checksum with the IPv6 pseudo-header (RFC 5798 §5.2.8)
      + "20010db8000000000000000000000001"; // VIP 2001:db8::1

  private static final InetAddress GROUP_V4 = address("224.0.0.18");
  private static final InetAddress GROUP_V6 = address("ff02::12");
  private static final InetAddress LINK_LOCAL_A = address("fe80::5eff:fec0:202");

  private VethLab lab;
  private final List<RawIpSocket> sockets = new ArrayList<>();
  private final List<PacketSocket> captures = new ArrayList<>();

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  @BeforeEach
  void setUp() throws Exception {
    lab = VethLab.create();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (RawIpSocket socket : sockets) {
      socket.close();
    }
    for (PacketSocket socket : captures) {
      socket.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private RawIpSocket openA(RawIpSocket.Options options) throws Exception {
    RawIpSocket socket = RawIpSocket.open(lab.a, options);
    sockets.add(socket);
    return socket;
  }

  private RawIpSocket openB(RawIpSocket.Options options) throws Exception {
    RawIpSocket socket = RawIpSocket.open(lab.b, options);
    sockets.add(socket);
    return socket;
  }

  @Test
  void ipv4MulticastAdvertArrivesWithTtl255AndPacketInfo() throws Exception {
    RawIpSocket receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB));
    receiver.joinGroup(GROUP_V4);
    // Same namespace, same protocol, but no membership: IP_MULTICAST_ALL 0 keeps it out.
    RawIpSocket bystander = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB));
    RawIpSocket sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexA));
    sender.joinGroup(GROUP_V4);
    PacketSocket wire = capture(IfEtherUapi.ETH_P_IP);

    ByteBuffer advert = bytes(V2_ADVERT);
    assertThat(sender.send(advert, GROUP_V4, address("192.0.2.2"))).isEqualTo(20);
    assertThat(advert.hasRemaining()).isFalse();

    Optional<ReceivedDatagram> received = receiver.receive(WAIT);
    assertThat(received).contains(new ReceivedDatagram(bytes(V2_ADVERT), address("192.0.2.2"),
        GROUP_V4, 255, lab.ifindexB));
    assertThat(received.get().payload().isReadOnly()).isTrue();
    assertThat(bystander.receive(QUIET)).isEmpty();
    // Multicast loop is off: the sender, though a member, does not hear itself.
    assertThat(sender.receive(QUIET)).isEmpty();
    assertThat(receiver.droppedDatagrams()).isZero();

    // On the wire: the IP header the kernel built is keepalived's (capture a-v2-pass), but for
    // the IP id, which the kernel numbers itself, and so the header checksum.
    ByteBuffer frame = awaitVrrp(wire, 14 + 9);
    assertThat(hex(frame, 0, 6)).as("destination MAC of 224.0.0.18").isEqualTo("01005e000012");
    assertThat(hex(frame, 14, 18)).as("version 4, IHL 5, TOS 0xc0, total length 40").isEqualTo("45c00028");
    assertThat(hex(frame, 22, 24)).as("TTL 255, protocol 112").isEqualTo("ff70");
    assertThat(hex(frame, 26, 34)).as("source, destination").isEqualTo("c0000202e0000012");
    assertThat(hex(frame, 34, 54)).isEqualTo(V2_ADVERT);
  }

  private PacketSocket capture(int etherType) throws Exception {
    PacketSocket socket = PacketSocket.open(lab.b, PacketSocket.Options.capture(etherType, lab.ifindexB));
    captures.add(socket);
    return socket;
  }

  /**
   * The next VRRP frame (protocol / next header 112 at {@code protocolOffset}), skipping the
   * kernel's IGMP / MLD reports and router solicitations.
   */
  private static ByteBuffer awaitVrrp(PacketSocket wire, int protocolOffset) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<io.keepalivedj.linux.packet.ReceivedFrame> frame = wire.receive(WAIT);
      if (frame.isPresent() && frame.get().data().remaining() >= 54
          && frame.get().data().get(protocolOffset) == 112) {
        return frame.get().data();
      }
    }
    throw new AssertionError("no VRRP frame within " + WAIT);
  }

  private static String hex(ByteBuffer buffer, int from, int to) {
    byte[] bytes = new byte[to - from];
    buffer.get(from, bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void theTtlComesFromTheControlMessage() throws Exception {
    RawIpSocket receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB));
    receiver.joinGroup(GROUP_V4);
    RawIpSocket sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexA)
        .withHopLimit(64));
    sender.send(bytes(V2_ADVERT), GROUP_V4);
    // A VRRP receiver must see the 64 to drop it (RFC 3768 §7.1).
    assertThat(receiver.receive(WAIT)).get().extracting(ReceivedDatagram::hopLimit).isEqualTo(64);

    RawIpSocket v6Receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexB));
    v6Receiver.joinGroup(GROUP_V6);
    RawIpSocket v6Sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexA)
        .withHopLimit(1));
    v6Sender.send(bytes(V3_ADVERT_IPV6), GROUP_V6, LINK_LOCAL_A);
    assertThat(v6Receiver.receive(WAIT)).get().extracting(ReceivedDatagram::hopLimit).isEqualTo(1);
  }

  @Test
  void ipv6MulticastAdvertArrivesFromTheLinkLocalSourceWithHopLimit255() throws Exception {
    // The kernel verifies the VRRPv3 checksum at offset 6 for this one (IPV6_CHECKSUM).
    RawIpSocket verifying = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexB)
        .withChecksumOffset(6));
    verifying.joinGroup(GROUP_V6);
    RawIpSocket plain = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexB));
    plain.joinGroup(GROUP_V6);
    RawIpSocket sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexA));
    PacketSocket wire = capture(IfEtherUapi.ETH_P_IPV6);

    sender.send(bytes(V3_ADVERT_IPV6), GROUP_V6, LINK_LOCAL_A);
    ReceivedDatagram expected = new ReceivedDatagram(bytes(V3_ADVERT_IPV6), LINK_LOCAL_A, GROUP_V6,
        255, lab.ifindexB);
    for (RawIpSocket receiver : List.of(verifying, plain)) {
      ReceivedDatagram got = receiver.receive(WAIT).orElseThrow();
      assertThat(got).isEqualTo(expected);
      // The link-local source is only meaningful with its interface: the scope id is b0.
      assertThat(((Inet6Address) got.source()).getScopeId()).isEqualTo(lab.ifindexB);
    }

    ByteBuffer frame = awaitVrrp(wire, 14 + 6);
    assertThat(hex(frame, 0, 6)).as("destination MAC of ff02::12").isEqualTo("333300000012");
    assertThat(frame.get(14) & 0xff).as("version 6, traffic class 0xc0 (high nibble)").isEqualTo(0x6c);
    assertThat(frame.get(15) & 0xf0).as("traffic class 0xc0 (low nibble)").isZero();
    assertThat(hex(frame, 18, 22)).as("payload length 24, next header 112, hop limit 255").isEqualTo("001870ff");
    assertThat(hex(frame, 22, 38)).as("source fe80::5eff:fec0:202").isEqualTo("fe80000000000000" + "00005efffec00202");
    assertThat(hex(frame, 38, 54)).as("destination ff02::12").isEqualTo("ff020000000000000000000000000012");
    assertThat(hex(frame, 54, 78)).isEqualTo(V3_ADVERT_IPV6);

    // The capture's checksum was right for these addresses; a wrong one is dropped by the kernel
    // for the verifying socket only.
    ByteBuffer corrupted = bytes(V3_ADVERT_IPV6);
    corrupted.put(7, (byte) (corrupted.get(7) ^ 0x01));
    sender.send(corrupted.duplicate(), GROUP_V6, LINK_LOCAL_A);
    assertThat(plain.receive(WAIT)).get().extracting(ReceivedDatagram::payload).isEqualTo(corrupted);
    assertThat(verifying.receive(QUIET)).isEmpty();
  }

  @Test
  void theKernelFillsTheVrrpV3ChecksumWhenAsked() throws Exception {
    RawIpSocket receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexB));
    receiver.joinGroup(GROUP_V6);
    RawIpSocket sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexA)
        .withChecksumOffset(6));
    ByteBuffer zeroed = bytes(V3_ADVERT_IPV6);
    zeroed.putShort(6, (short) 0);
    sender.send(zeroed, GROUP_V6, LINK_LOCAL_A);
    // Same addresses as keepalived's capture, so the same checksum 0xdd37.
    assertThat(receiver.receive(WAIT)).get().extracting(ReceivedDatagram::payload)
        .isEqualTo(bytes(V3_ADVERT_IPV6));
  }

  @Test
  void unicastGoesFromTheChosenSourceToThePeer() throws Exception {
    NetnsSupport.run("ip", "-n", lab.nameA, "addr", "add", "192.0.2.10/24", "dev", "a0");
    RawIpSocket receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB));
    RawIpSocket sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexA));
    sender.send(bytes(V2_ADVERT), address("192.0.2.3"), address("192.0.2.10"));
    assertThat(receiver.receive(WAIT)).contains(new ReceivedDatagram(bytes(V2_ADVERT),
        address("192.0.2.10"), address("192.0.2.3"), 255, lab.ifindexB));
    sender.send(bytes(V2_ADVERT), address("192.0.2.3"));
    assertThat(receiver.receive(WAIT)).get().extracting(ReceivedDatagram::source)
        .isEqualTo(address("192.0.2.2"));

    RawIpSocket v6Receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexB));
    RawIpSocket v6Sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, lab.ifindexA));
    v6Sender.send(bytes(V3_ADVERT_IPV6), address("2001:db8::3"), address("2001:db8::2"));
    assertThat(v6Receiver.receive(WAIT)).contains(new ReceivedDatagram(bytes(V3_ADVERT_IPV6),
        address("2001:db8::2"), address("2001:db8::3"), 255, lab.ifindexB));

    // A source this host does not have is refused, naming errno and the operation.
    assertThatThrownBy(() -> sender.send(bytes(V2_ADVERT), address("192.0.2.3"), address("203.0.113.9")))
        .isInstanceOfSatisfying(LinuxException.class, e -> {
          // net/ipv4/route.c ip_route_output_key_hash_rcu: a source no interface holds.
          assertThat(e.errnoName()).isEqualTo("ENETUNREACH");
          assertThat(e.operation()).contains("sendmsg(raw IPv4 proto 112", "from 203.0.113.9");
        });
  }

  @Test
  void closeWakesABlockedReceiverAndReleasesBothDescriptors() throws Exception {
    long before = VethLab.socketAndEventFds();
    RawIpSocket socket = RawIpSocket.open(lab.b, RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB));
    assertThat(VethLab.socketAndEventFds()).isEqualTo(before + 2L); // socket + eventfd
    CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> {
      try {
        return socket.receive(Duration.ofMinutes(5));
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(300);
    assertThat(blocked).isNotDone();
    long start = System.nanoTime();
    socket.close();
    Object outcome = blocked.get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(outcome).isInstanceOf(AsynchronousCloseException.class);
    assertThat(VethLab.socketAndEventFds()).isEqualTo(before);
    assertThat(socket.isOpen()).isFalse();
    assertThatThrownBy(() -> socket.receive(Duration.ZERO)).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> socket.send(bytes(V2_ADVERT), GROUP_V4)).isInstanceOf(ClosedChannelException.class);
    socket.close(); // idempotent
  }

  @Test
  void oversizedDatagramsAreDroppedAndCounted() throws Exception {
    RawIpSocket receiver = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB)
        .withMaxDatagramBytes(64));
    RawIpSocket sender = openA(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexA));
    sender.send(ByteBuffer.allocate(100), address("192.0.2.3")); // 120 bytes with the IP header
    sender.send(bytes(V2_ADVERT), address("192.0.2.3"));
    assertThat(receiver.receive(WAIT)).get().extracting(ReceivedDatagram::payload).isEqualTo(bytes(V2_ADVERT));
    assertThat(receiver.droppedDatagrams()).isEqualTo(1);
  }

  @Test
  void receiveTimesOutEmptyAndOpenFailuresLeakNothing() throws Exception {
    RawIpSocket socket = openB(RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, lab.ifindexB));
    long start = System.nanoTime();
    assertThat(socket.receive(Duration.ofMillis(200))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

    long before = VethLab.socketAndEventFds();
    assertThatThrownBy(() -> RawIpSocket.open(lab.b,
        RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, 9999)))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.operation()).contains("if_indextoname"));
    assertThat(VethLab.socketAndEventFds()).isEqualTo(before);
  }
}
