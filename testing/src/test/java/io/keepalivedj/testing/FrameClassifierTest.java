package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameClassifierTest {

    private static final String LB1_MAC = "02:00:5e:c0:02:02";
    private static final String LB2_MAC = "02:00:5e:c0:02:03";
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    /** A literal (never a DNS lookup: only literals are passed). */
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static List<VrrpAdvertFrame> adverts(List<CapturedFrame> frames) {
        return frames.stream().flatMap(f -> FrameClassifier.vrrp(f).stream()).toList();
    }

    /** {@code frame}'s bytes with {@code edit} applied, same timestamp. */
    private static CapturedFrame edited(CapturedFrame frame, java.util.function.Consumer<byte[]> edit) {
        byte[] b = new byte[frame.length()];
        frame.bytes().get(b);
        edit.accept(b);
        return CapturedFrame.of(frame.timestamp(), b);
    }

    @Test
    void v2AdvertsAndGratuitousArpsOfRealKeepalived() {
        List<CapturedFrame> frames = Golden.frames("a-v2-pass.pcap");
        List<VrrpAdvertFrame> adverts = adverts(frames);
        assertThat(adverts).hasSize(10);
        assertThat(frames.stream().filter(FrameClassifier::isVrrpPacket)).hasSize(10);
        VrrpAdvertFrame first = adverts.get(0);
        assertThat(first).isEqualTo(new VrrpAdvertFrame(frames.get(0).timestamp(), LB2_MAC, ip("192.0.2.3"),
                ip("224.0.0.18"), 255, 2, 200, 101, Duration.ofSeconds(1), List.of(ip("192.0.2.1")), true));
        assertThat(adverts).allSatisfy(a -> assertThat(a).usingRecursiveComparison()
                .ignoringFields("timestamp").isEqualTo(first));
        for (int i = 1; i < adverts.size(); i++) {
            Duration gap = Duration.between(adverts.get(i - 1).timestamp(), adverts.get(i).timestamp());
            assertThat(gap).isBetween(Duration.ofMillis(999), Duration.ofMillis(1001));
        }

        List<GratuitousArpFrame> garps = frames.stream().flatMap(f -> FrameClassifier.gratuitousArp(f).stream()).toList();
        assertThat(garps).hasSize(10).allSatisfy(g -> {
            assertThat(g.address().getHostAddress()).isEqualTo("192.0.2.1");
            assertThat(g.senderMac()).isEqualTo(LB2_MAC);
            assertThat(g.targetMac()).isEqualTo(BROADCAST);
            assertThat(g.ethernetDestination()).isEqualTo(BROADCAST);
            assertThat(g.operation()).isEqualTo(GratuitousArpFrame.REQUEST);
        });
        // keepalived's first act as master is the advert, then the first five GARPs
        assertThat(garps.get(0).timestamp()).isAfter(first.timestamp());
        assertThat(frames.stream().flatMap(f -> FrameClassifier.neighbourAdvert(f).stream())).isEmpty();
    }

    @Test
    void v3OverIpv4IsCheckedWithThePseudoHeader() {
        List<VrrpAdvertFrame> adverts = adverts(Golden.frames("c-v3-ipv4.pcap"));
        assertThat(adverts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.version()).isEqualTo(3);
            assertThat(a.advertInterval()).isEqualTo(Duration.ofSeconds(1)); // 100 centiseconds
            assertThat(a.source()).isEqualTo(ip("192.0.2.2"));
            assertThat(a.ttl()).isEqualTo(255);
            assertThat(a.checksumValid()).isTrue();
        });
    }

    @Test
    void v3OverIpv6AndUnsolicitedNeighbourAdverts() {
        List<CapturedFrame> frames = Golden.frames("d-v3-ipv6.pcap");
        List<VrrpAdvertFrame> adverts = adverts(frames);
        assertThat(adverts).hasSize(5).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo(ip("fe80::5eff:fec0:202"));
            assertThat(a.destination()).isEqualTo(ip("ff02::12"));
            assertThat(a.ttl()).isEqualTo(255);
            assertThat(a.version()).isEqualTo(3);
            assertThat(a.vrid()).isEqualTo(200);
            assertThat(a.priority()).isEqualTo(101);
            assertThat(a.addresses()).containsExactly(ip("2001:db8::1"));
            assertThat(a.checksumValid()).isTrue();
        });
        List<NeighbourAdvertFrame> nas = frames.stream().flatMap(f -> FrameClassifier.neighbourAdvert(f).stream()).toList();
        assertThat(nas).hasSize(5).allSatisfy(na -> {
            assertThat(na.source()).isEqualTo(ip("2001:db8::1"));
            assertThat(na.destination()).isEqualTo(ip("ff02::1"));
            assertThat(na.target()).isEqualTo(ip("2001:db8::1"));
            assertThat(na.hopLimit()).isEqualTo(255);
            assertThat(na.override()).isTrue();
            assertThat(na.solicited()).isFalse();
            assertThat(na.router()).isFalse();
            assertThat(na.targetLinkAddress()).contains(LB1_MAC);
        });
        assertThat(frames.stream().flatMap(f -> FrameClassifier.gratuitousArp(f).stream())).isEmpty();
    }

    @Test
    void garpAndNaBothFromOneMaster() {
        List<CapturedFrame> frames = Golden.frames("f-garp-na.pcap");
        assertThat(frames.stream().flatMap(f -> FrameClassifier.gratuitousArp(f).stream())).hasSize(10);
        assertThat(frames.stream().flatMap(f -> FrameClassifier.neighbourAdvert(f).stream())).hasSize(10);
        assertThat(frames.stream().filter(FrameClassifier::isVrrpPacket)).isEmpty();
    }

    @Test
    void takeoverAfterPriorityZeroIsTheBackupsSkewTime() {
        // RFC 3768 §6.4.2: on a priority-0 advert the backup waits Skew_Time = (256 - 100) / 256 s
        List<VrrpAdvertFrame> adverts = adverts(Golden.frames("e-v2-prio0-shutdown.pcap"));
        VrrpAdvertFrame resign = adverts.stream().filter(a -> a.priority() == 0).findFirst().orElseThrow();
        assertThat(resign.source()).isEqualTo(ip("192.0.2.2"));
        VrrpAdvertFrame takeover = adverts.stream().filter(a -> a.source().equals(ip("192.0.2.3"))).findFirst().orElseThrow();
        assertThat(takeover.priority()).isEqualTo(100);
        assertThat(Duration.between(resign.timestamp(), takeover.timestamp()))
                .isBetween(Duration.ofMillis(609), Duration.ofMillis(620));
    }

    @Test
    void damagedAdvertsAreNotMistakenForGoodOnes() {
        CapturedFrame good = Golden.frames("a-v2-pass.pcap").get(0);
        // Ethernet 14 + IPv4 20: the VRRP part starts at 34
        CapturedFrame badChecksum = edited(good, b -> b[34 + 7] ^= 1);
        assertThat(FrameClassifier.vrrp(badChecksum)).hasValueSatisfying(a -> assertThat(a.checksumValid()).isFalse());

        // the TTL is outside the v2 checksum: reported as is, for the test to reject
        CapturedFrame ttl254 = edited(good, b -> b[14 + 8] = (byte) 254);
        assertThat(FrameClassifier.vrrp(ttl254)).hasValueSatisfying(a -> {
            assertThat(a.ttl()).isEqualTo(254);
            assertThat(a.checksumValid()).isTrue();
        });

        CapturedFrame countTwo = edited(good, b -> b[34 + 3] = 2); // count 2, one address present
        assertThat(FrameClassifier.vrrp(countTwo)).isEmpty();
        assertThat(FrameClassifier.isVrrpPacket(countTwo)).isTrue();

        CapturedFrame type2 = edited(good, b -> b[34] = 0x22); // version 2, type 2: undefined
        assertThat(FrameClassifier.vrrp(type2)).isEmpty();

        CapturedFrame vrid0 = edited(good, b -> b[34 + 1] = 0);
        assertThat(FrameClassifier.vrrp(vrid0)).isEmpty();

        CapturedFrame fragment = edited(good, b -> b[14 + 6] = 0x20); // more-fragments flag
        assertThat(FrameClassifier.vrrp(fragment)).isEmpty();

        for (int cut = 0; cut < good.length(); cut++) {
            byte[] b = new byte[cut];
            good.bytes().get(b);
            assertThat(FrameClassifier.vrrp(CapturedFrame.of(good.timestamp(), b))).as("cut at %d", cut).isEmpty();
        }

        // Ethernet padding after the IP datagram (a real NIC pads to 60 bytes) is ignored
        byte[] padded = new byte[60];
        good.bytes().get(padded, 0, good.length());
        assertThat(FrameClassifier.vrrp(CapturedFrame.of(good.timestamp(), padded))).isEqualTo(FrameClassifier.vrrp(good));
    }

    @Test
    void onlyAnnouncementsCountAsGratuitous() {
        CapturedFrame garp = Golden.frames("a-v2-pass.pcap").get(1);
        assertThat(FrameClassifier.gratuitousArp(garp)).isPresent();
        assertThat(FrameClassifier.vrrp(garp)).isEqualTo(Optional.empty());
        // ARP header at 14; sender IP at 14+14, target IP at 14+24
        CapturedFrame whoHas = edited(garp, b -> b[14 + 27] = 3); // asks for 192.0.2.3: an ordinary request
        assertThat(FrameClassifier.gratuitousArp(whoHas)).isEmpty();
        CapturedFrame probe = edited(garp, b -> {
            for (int i = 0; i < 4; i++) {
                b[14 + 14 + i] = 0;
                b[14 + 24 + i] = 0;
            }
        });
        assertThat(FrameClassifier.gratuitousArp(probe)).isEmpty();
        CapturedFrame reply = edited(garp, b -> b[14 + 7] = 2);
        assertThat(FrameClassifier.gratuitousArp(reply)).hasValueSatisfying(
                g -> assertThat(g.operation()).isEqualTo(GratuitousArpFrame.REPLY));
        CapturedFrame tagged = vlanTagged(garp);
        assertThat(FrameClassifier.gratuitousArp(tagged).map(GratuitousArpFrame::address))
                .isEqualTo(FrameClassifier.gratuitousArp(garp).map(GratuitousArpFrame::address));
    }

    /** {@code frame} with an 802.1Q tag (VLAN 5) inserted after the MAC addresses. */
    private static CapturedFrame vlanTagged(CapturedFrame frame) {
        byte[] b = new byte[frame.length()];
        frame.bytes().get(b);
        byte[] t = new byte[b.length + 4];
        System.arraycopy(b, 0, t, 0, 12);
        t[12] = (byte) 0x81;
        t[15] = 5;
        System.arraycopy(b, 12, t, 16, b.length - 12);
        return CapturedFrame.of(frame.timestamp(), t);
    }
}
