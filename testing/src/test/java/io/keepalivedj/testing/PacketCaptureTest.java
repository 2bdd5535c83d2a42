package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.testing.KeepalivedPeer.State;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@NetnsTest
class PacketCaptureTest {

    private static final Duration ADVERT_INTERVAL = Duration.ofSeconds(1);
    /** Slack for the wire timing of real keepalived (it keeps its interval to ~0.2 ms on an idle lab). */
    private static final Duration TOLERANCE = Duration.ofMillis(100);

    private static Predicate<CapturedFrame> advertFrom(SeedTopology.Node node) {
        InetAddress source = node.ipv4().address();
        return f -> FrameClassifier.vrrp(f).filter(a -> a.source().equals(source)).isPresent();
    }

    private static VrrpAdvertFrame advert(CapturedFrame f) {
        return FrameClassifier.vrrp(f).orElseThrow();
    }

    /** RFC 3768 §6.1: Skew_Time = (256 - Priority) / 256 s. */
    private static Duration skewTime(int priority) {
        return Duration.ofNanos((256L - priority) * 1_000_000_000L / 256);
    }

    @Test
    void advertsGarpAndFailoverOfRealKeepalivedOnTheWire() {
        try (NetnsLab lab = NetnsLab.create()) {
            SeedTopology seed = lab.seedTopology();
            // the bridge namespace has IPv6 off, but the nodes' kernels send NS/RS: keep to what VRRP makes
            PacketCapture capture = PacketCapture.onBridge(seed.bridge(), "arp or ip proto 112");
            KeepalivedPeer lb1 = KeepalivedPeer.start(seed.lb1().netns(), KeepalivedPeerTest.config(101));
            lb1.awaitState(State.MASTER, Duration.ofSeconds(15));
            // lb2 joins an established master, as the measure-failover script does: no start-up race
            KeepalivedPeer lb2 = KeepalivedPeer.start(seed.lb2().netns(), KeepalivedPeerTest.config(100));
            lb2.awaitState("VI", State.BACKUP, Duration.ofSeconds(15));

            List<VrrpAdvertFrame> steady = capture.awaitFrames(advertFrom(seed.lb1()), 4, Duration.ofSeconds(10))
                    .stream().map(PacketCaptureTest::advert).toList();
            for (VrrpAdvertFrame a : steady) {
                assertThat(a.ttl()).as("TTL (RFC 3768 §7.1)").isEqualTo(255);
                assertThat(a.version()).isEqualTo(2);
                assertThat(a.vrid()).isEqualTo(200);
                assertThat(a.priority()).isEqualTo(101);
                assertThat(a.sourceMac()).isEqualTo(seed.lb1().mac());
                assertThat(a.destination().getHostAddress()).isEqualTo("224.0.0.18");
                assertThat(a.addresses()).containsExactly(SeedTopology.VIP4.address());
                assertThat(a.checksumValid()).isTrue();
            }
            for (int i = 1; i < steady.size(); i++) {
                assertThat(Duration.between(steady.get(i - 1).timestamp(), steady.get(i).timestamp()))
                        .as("advert spacing").isBetween(ADVERT_INTERVAL.minus(TOLERANCE), ADVERT_INTERVAL.plus(TOLERANCE));
            }
            // entering MASTER: the first advert, then gratuitous ARPs for the VIP from lb1's MAC
            GratuitousArpFrame garp = FrameClassifier.gratuitousArp(capture.awaitFrames(
                    f -> FrameClassifier.gratuitousArp(f).isPresent(), 1, Duration.ofSeconds(5)).get(0)).orElseThrow();
            assertThat(garp.address()).isEqualTo(SeedTopology.VIP4.address());
            assertThat(garp.senderMac()).isEqualTo(seed.lb1().mac());
            assertThat(garp.timestamp()).isAfterOrEqualTo(steady.get(0).timestamp());

            assertThat(lb1.kill()).isEqualTo(137); // a crash: no priority-0 advert
            lb2.awaitState(State.MASTER, Duration.ofSeconds(10));
            Predicate<CapturedFrame> fromLb2 = advertFrom(seed.lb2());
            capture.awaitFrames(fromLb2, 1, Duration.ofSeconds(5));
            List<CapturedFrame> frames = capture.stop();
            assertThat(capture.droppedByKernel()).hasValue(0);
            // every VRRP frame on the wire decodes: nothing malformed hides from the filters above
            assertThat(frames.stream().filter(FrameClassifier::isVrrpPacket).map(FrameClassifier::vrrp))
                    .allMatch(java.util.Optional::isPresent);

            VrrpAdvertFrame lastOfLb1 = frames.stream().filter(advertFrom(seed.lb1())).map(PacketCaptureTest::advert)
                    .max(Comparator.comparing(VrrpAdvertFrame::timestamp)).orElseThrow();
            assertThat(lastOfLb1.priority()).as("SIGKILL leaves no priority-0 advert").isEqualTo(101);
            VrrpAdvertFrame firstOfLb2 = frames.stream().filter(fromLb2).map(PacketCaptureTest::advert)
                    .filter(a -> a.timestamp().isAfter(lastOfLb1.timestamp())).findFirst().orElseThrow();
            assertThat(firstOfLb2.priority()).isEqualTo(100);
            assertThat(firstOfLb2.ttl()).isEqualTo(255);

            // RFC 3768 §6.4.2: the backup takes over after Master_Down_Interval = 3 x Advertisement_Interval + Skew_Time
            Duration masterDown = ADVERT_INTERVAL.multipliedBy(3).plus(skewTime(100));
            Duration failover = Duration.between(lastOfLb1.timestamp(), firstOfLb2.timestamp());
            System.out.printf("failover (keepalived 2.2.7, VRRPv2, advert_int 1 s, SIGKILL): lb1 last advert -> "
                    + "lb2 first advert = %.3f s; Master_Down_Interval %.3f s, bound %.3f s%n",
                    failover.toNanos() / 1e9, masterDown.toNanos() / 1e9, masterDown.plus(TOLERANCE).toNanos() / 1e9);
            assertThat(failover).isBetween(ADVERT_INTERVAL.multipliedBy(3), masterDown.plus(TOLERANCE));

            // and lb2 announces the VIP right after its first advert
            assertThat(frames.stream().flatMap(f -> FrameClassifier.gratuitousArp(f).stream())
                    .filter(g -> g.senderMac().equals(seed.lb2().mac())).findFirst())
                    .hasValueSatisfying(g -> assertThat(Duration.between(firstOfLb2.timestamp(), g.timestamp()))
                            .isBetween(Duration.ZERO, TOLERANCE));
            lb2.stop();
        }
    }

    @Test
    void listensBeforeReturningAndSeesTrafficFromTheFirstPacket() {
        try (NetnsLab lab = NetnsLab.create()) {
            Bridge br = lab.addBridge("br", "br0");
            Netns a = lab.addNamespace("a");
            lab.attach(a, "eth1", br, "a");
            a.addAddress("eth1", "192.0.2.20/24");
            try (PacketCapture capture = PacketCapture.start(a, "eth1", "arp")) {
                Instant before = Instant.now();
                // arping -U would be nicer, but ping to an absent neighbour makes the kernel ARP at once
                a.exec("ping", "-c", "1", "-W", "1", "192.0.2.99");
                List<CapturedFrame> arps = capture.awaitFrames(f -> true, 1, Duration.ofSeconds(5));
                // clocks: pcap timestamps are CLOCK_REALTIME like Instant.now(), at microsecond resolution
                assertThat(arps.get(0).timestamp()).isAfterOrEqualTo(before.minusMillis(1));
                assertThat(capture.stop()).first().isEqualTo(arps.get(0));
                assertThat(capture.isRunning()).isFalse();
                assertThat(capture.stop()).isSameAs(capture.stop());
                assertThatThrownBy(() -> capture.awaitFrames(f -> true, 1000, Duration.ofSeconds(5)))
                        .hasMessageContaining("has ended").hasMessageContaining("of 1000 matching");
            }
            assertThatThrownBy(() -> PacketCapture.start(a, "nosuch0", ""))
                    .hasMessageContaining("exited").hasMessageContaining("nosuch0");
            assertThatThrownBy(() -> PacketCapture.start(a, "eth1", "not a ( filter"))
                    .hasMessageContaining("exited");
            assertThat(a.pids()).isEmpty();
        }
    }
}
