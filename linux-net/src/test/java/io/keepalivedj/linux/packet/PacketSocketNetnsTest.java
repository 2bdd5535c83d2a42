package io.keepalivedj.linux.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.socket.VethLab;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Side A of a veth sends keepalived-shaped GARPs and NAs through a PacketSocket; side B
 * captures them with its own PacketSocket and its kernel acts on them (neighbour entries
 * take the new MAC), which also proves the NA checksum and hop limit right.
 */
@Tag("netns")
class PacketSocketNetnsTest {
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final MacAddress MAC_A = MacAddress.parse(VethLab.MAC_A);
  private static final MacAddress MAC_B = MacAddress.parse(VethLab.MAC_B);
  private static final String OLD_MAC = "02:00:00:00:00:99";

  private VethLab lab;
  private final List<PacketSocket> sockets = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    lab = VethLab.create();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (PacketSocket socket : sockets) {
      socket.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private PacketSocket openA(PacketSocket.Options options) throws Exception {
    PacketSocket socket = PacketSocket.open(lab.a, options);
    sockets.add(socket);
    return socket;
  }

  private PacketSocket openB(PacketSocket.Options options) throws Exception {
    PacketSocket socket = PacketSocket.open(lab.b, options);
    sockets.add(socket);
    return socket;
  }

  /** The first frame matching {@code wanted}, skipping the kernel's own RS / MLD traffic. */
  private static ReceivedFrame await(PacketSocket socket, Predicate<ReceivedFrame> wanted) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      var frame = socket.receive(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (frame.isPresent() && wanted.test(frame.get())) {
        return frame.get();
      }
    }
    throw new AssertionError("no matching frame within " + WAIT);
  }

  private static String hex(ByteBuffer buffer, int from, int to) {
    byte[] bytes = new byte[to - from];
    buffer.get(from, bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private String neighbour(String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "-n", lab.nameB));
    command.addAll(List.of(args));
    return NetnsSupport.run(command.toArray(String[]::new));
  }

  @Test
  void gratuitousArpCrossesTheVethAndUpdatesThePeersArpCache() throws Exception {
    neighbour("neigh", "add", "192.0.2.1", "lladdr", OLD_MAC, "dev", "b0", "nud", "stale");
    PacketSocket capture = openB(PacketSocket.Options.capture(IfEtherUapi.ETH_P_ARP, lab.ifindexB));
    PacketSocket sender = openA(PacketSocket.Options.sender(lab.ifindexA));
    GratuitousArp garp = new GratuitousArp(MAC_A, (Inet4Address) InetAddress.getByName("192.0.2.1"));

    sender.send(garp);

    ReceivedFrame frame = await(capture, f -> true);
    ByteBuffer bytes = frame.data();
    assertThat(frame.interfaceIndex()).isEqualTo(lab.ifindexB);
    assertThat(frame.protocol()).isEqualTo(IfEtherUapi.ETH_P_ARP);
    assertThat(frame.packetType()).isEqualTo(IfPacketUapi.PACKET_BROADCAST);
    assertThat(frame.source()).isEqualTo(MAC_A);
    assertThat(bytes.remaining()).isEqualTo(42);
    assertThat(hex(bytes, 0, 6)).as("Ethernet destination").isEqualTo("ffffffffffff");
    assertThat(hex(bytes, 6, 12)).as("Ethernet source").isEqualTo("02005ec00202");
    assertThat(hex(bytes, 12, 14)).as("EtherType").isEqualTo("0806");
    assertThat(hex(bytes, 14, 16)).as("ar_hrd").isEqualTo("0001");
    assertThat(hex(bytes, 16, 18)).as("ar_pro").isEqualTo("0800");
    assertThat(hex(bytes, 18, 20)).as("ar_hln, ar_pln").isEqualTo("0604");
    assertThat(hex(bytes, 20, 22)).as("ar_op request").isEqualTo("0001");
    assertThat(hex(bytes, 22, 28)).as("sender MAC").isEqualTo("02005ec00202");
    assertThat(hex(bytes, 28, 32)).as("sender IP").isEqualTo("c0000201");
    assertThat(hex(bytes, 32, 38)).as("target MAC").isEqualTo("ffffffffffff");
    assertThat(hex(bytes, 38, 42)).as("target IP").isEqualTo("c0000201");
    assertThat(bytes).isEqualTo(GratuitousArpCodec.encode(garp));
    // B's kernel took the announcement: its stale entry now points at A's MAC.
    assertThat(neighbour("neigh", "show", "192.0.2.1", "dev", "b0")).contains("lladdr " + VethLab.MAC_A);
    assertThat(sender.droppedFrames()).isZero();
  }

  @Test
  void unsolicitedNeighbourAdvertisementCrossesTheVethAndUpdatesThePeersNeighbourCache() throws Exception {
    neighbour("-6", "neigh", "add", "2001:db8::1", "lladdr", OLD_MAC, "dev", "b0", "nud", "stale");
    PacketSocket capture = openB(PacketSocket.Options.capture(IfEtherUapi.ETH_P_IPV6, lab.ifindexB));
    PacketSocket sender = openA(PacketSocket.Options.sender(lab.ifindexA));
    NeighbourAdvertisement na = NeighbourAdvertisement.unsolicited(MAC_A,
        (Inet6Address) InetAddress.getByName("2001:db8::1"));

    sender.send(na);

    ReceivedFrame frame = await(capture, f -> f.packetType() != IfPacketUapi.PACKET_OUTGOING
        && f.data().remaining() > 54 && f.data().get(20) == 58 && (f.data().get(54) & 0xff) == 136);
    ByteBuffer bytes = frame.data();
    assertThat(frame.interfaceIndex()).isEqualTo(lab.ifindexB);
    assertThat(frame.protocol()).isEqualTo(IfEtherUapi.ETH_P_IPV6);
    assertThat(frame.packetType()).isEqualTo(IfPacketUapi.PACKET_MULTICAST);
    assertThat(frame.source()).isEqualTo(MAC_A);
    assertThat(bytes.remaining()).isEqualTo(86);
    assertThat(hex(bytes, 0, 6)).as("Ethernet destination").isEqualTo("333300000001");
    assertThat(hex(bytes, 6, 12)).as("Ethernet source").isEqualTo("02005ec00202");
    assertThat(hex(bytes, 12, 14)).as("EtherType").isEqualTo("86dd");
    assertThat(hex(bytes, 14, 18)).as("version, class, flow").isEqualTo("60000000");
    assertThat(hex(bytes, 18, 20)).as("payload length").isEqualTo("0020");
    assertThat(hex(bytes, 20, 21)).as("next header").isEqualTo("3a");
    assertThat(hex(bytes, 21, 22)).as("hop limit").isEqualTo("ff");
    assertThat(hex(bytes, 22, 38)).as("source").isEqualTo("20010db8000000000000000000000001");
    assertThat(hex(bytes, 38, 54)).as("destination").isEqualTo("ff020000000000000000000000000001");
    assertThat(hex(bytes, 54, 56)).as("type 136, code 0").isEqualTo("8800");
    assertThat(hex(bytes, 56, 58)).as("checksum, as keepalived's").isEqualTo("9869");
    assertThat(hex(bytes, 58, 62)).as("flags: override only").isEqualTo("20000000");
    assertThat(hex(bytes, 62, 78)).as("target").isEqualTo("20010db8000000000000000000000001");
    assertThat(hex(bytes, 78, 80)).as("option type 2, length 1").isEqualTo("0201");
    assertThat(hex(bytes, 80, 86)).as("target link-layer address").isEqualTo("02005ec00202");
    assertThat(InternetChecksum.ipv6(na.source(), NeighbourAdvertisementCodec.ALL_NODES, 58,
        bytes.duplicate().position(54))).as("checksum verifies").isZero();
    assertThat(bytes).isEqualTo(NeighbourAdvertisementCodec.encode(na));
    // B's kernel accepted it (ndisc_recv_na checks hop limit 255 and the checksum) and took
    // the override: the stale entry now points at A's MAC.
    long deadline = System.nanoTime() + WAIT.toNanos();
    String entry = neighbour("-6", "neigh", "show", "2001:db8::1", "dev", "b0");
    while (!entry.contains("lladdr " + VethLab.MAC_A) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      entry = neighbour("-6", "neigh", "show", "2001:db8::1", "dev", "b0");
    }
    assertThat(entry).contains("lladdr " + VethLab.MAC_A);
  }

  @Test
  void datagramSocketsLetTheKernelWriteTheEthernetHeader() throws Exception {
    PacketSocket rawCapture = openB(PacketSocket.Options.capture(IfEtherUapi.ETH_P_ARP, lab.ifindexB));
    PacketSocket cookedCapture = openB(PacketSocket.Options.capture(IfEtherUapi.ETH_P_ARP, lab.ifindexB)
        .withKind(PacketSocket.Kind.DGRAM));
    PacketSocket sender = openA(PacketSocket.Options.sender(lab.ifindexA).withKind(PacketSocket.Kind.DGRAM));
    GratuitousArp garp = new GratuitousArp(MAC_A, (Inet4Address) InetAddress.getByName("198.51.100.1"));

    sender.send(garp);

    // a0's own MAC is MAC_A, so the kernel-built frame equals our whole-frame encoding.
    assertThat(await(rawCapture, f -> true).data()).isEqualTo(GratuitousArpCodec.encode(garp));
    ReceivedFrame cooked = await(cookedCapture, f -> true);
    assertThat(cooked.data()).isEqualTo(GratuitousArpCodec.encodeArp(garp));
    assertThat(cooked.source()).isEqualTo(MAC_A);
    assertThat(cooked.packetType()).isEqualTo(IfPacketUapi.PACKET_BROADCAST);
    assertThatThrownBy(() -> sender.sendFrame(GratuitousArpCodec.encode(garp))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void captureSeesOnlyItsInterfaceAndCloseWakesIt() throws Exception {
    // A second veth pair inside B: ARP on it must not reach a capture bound to b0.
    NetnsSupport.run("ip", "-n", lab.nameB, "link", "add", "x0", "type", "veth", "peer", "name", "x1");
    NetnsSupport.run("ip", "-n", lab.nameB, "link", "set", "x0", "up");
    NetnsSupport.run("ip", "-n", lab.nameB, "link", "set", "x1", "up");
    int x0 = lab.b.call(() -> Syscalls.ifNameToIndex("x0"));
    long before = VethLab.socketAndEventFds();
    PacketSocket capture = PacketSocket.open(lab.b, PacketSocket.Options.capture(IfEtherUapi.ETH_P_ARP, lab.ifindexB));
    try (PacketSocket other = PacketSocket.open(lab.b, PacketSocket.Options.sender(x0))) {
      other.send(new GratuitousArp(MAC_B, (Inet4Address) InetAddress.getByName("203.0.113.1")));
    }
    CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> {
      try {
        return capture.receive(Duration.ofMinutes(5));
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(300);
    assertThat(blocked).as("nothing from x0 reached the b0 capture").isNotDone();
    capture.close();
    assertThat(blocked.get(5, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
    assertThat(VethLab.socketAndEventFds()).isEqualTo(before);
  }
}
