package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.testing.Netns;
import io.keepalivedj.testing.NetnsLab;
import io.keepalivedj.testing.NetnsTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PING_CHECK on real ICMP echo sockets. The checker's loop lives in namespace chk; a veth joins
 * it to peer, a second one to other:
 * <pre>
 *   other o1 192.0.2.2 ── c2 192.0.2.1  chk  c1 198.51.100.1, 2001:db8:1::1 ── p1 198.51.100.2, 2001:db8:1::2 peer
 * </pre>
 * Every namespace starts with net.ipv4.ping_group_range "1 0": the checker must widen chk's.
 */
@NetnsTest
class PingCheckerNetnsTest {

    /** Short, for the attempts that must time out. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final InetAddress PEER = ip("198.51.100.2");
    private static final InetAddress PEER6 = ip("2001:db8:1::2");

    private NetnsLab lab;
    private Netns chk;
    private Netns peer;
    private NioEventLoop loop;
    private PingChecker checker;

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        chk = lab.addNamespace("chk");
        peer = lab.addNamespace("peer");
        Netns other = lab.addNamespace("other");
        lab.addVeth(chk, "c1", peer, "p1");
        lab.addVeth(chk, "c2", other, "o1");
        chk.addAddress("c1", "198.51.100.1/24");
        chk.addAddress("c1", "2001:db8:1::1/64");
        chk.addAddress("c2", "192.0.2.1/24");
        peer.addAddress("p1", "198.51.100.2/24");
        peer.addAddress("p1", "2001:db8:1::2/64");
        other.addAddress("o1", "192.0.2.2/24");
        chk.linkUp("c1");
        chk.linkUp("c2");
        peer.linkUp("p1");
        other.linkUp("o1");
        awaitIpv6(chk, "c1");
        awaitIpv6(peer, "p1");
        loop = NetworkNamespace.named(chk.name()).call(() -> new NioEventLoop("ping-netns-test"));
        checker = new PingChecker(loop);
    }

    /**
     * IPv6 starts on a veth only once both ends are up (addrconf on NETDEV_CHANGE): until the
     * link-local address is there, the first echo can be lost.
     */
    static void awaitIpv6(Netns ns, String device) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String out = ns.exec("ip", "-6", "addr", "show", "dev", device).orThrow("ip -6 addr").stdout();
            if (out.contains("inet6 fe80::") && !out.contains("tentative")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("IPv6 not up on " + device + " in " + ns.name() + ": " + out);
            }
            Thread.sleep(20);
        }
    }

    @AfterEach
    void tearDown() {
        if (checker != null) {
            checker.close();
        }
        if (loop != null) {
            loop.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    static PingCheck ping(CheckTarget target) {
        return new PingCheck(target, CheckOptions.defaults(CheckType.PING_CHECK).withConnectTimeout(TIMEOUT));
    }

    AttemptOutcome run(PingCheck spec) throws Exception {
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        checker.check(spec, f::complete);
        // A guard against a hung test, not a speed assertion.
        return f.get(30, TimeUnit.SECONDS);
    }

    static FailureReason reason(AttemptOutcome o) {
        assertThat(o).isInstanceOf(AttemptOutcome.Failure.class);
        return ((AttemptOutcome.Failure) o).reason();
    }

    static void assertSuccess(AttemptOutcome o) {
        assertThat(o).as("outcome").isInstanceOf(AttemptOutcome.Success.class);
        assertThat(((AttemptOutcome.Success) o).latency()).isPositive();
    }

    @Test
    void widensPingGroupRangeAndEchoesOverIpv4AndIpv6() throws Exception {
        chk.sysctl("net.ipv4.ping_group_range", "1 0");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
        AttemptOutcome v4;
        try {
            v4 = run(ping(CheckTarget.of(PEER, 0)));
        } finally {
            System.setErr(err);
        }
        assertSuccess(v4);
        assertThat(chk.sysctl("net.ipv4.ping_group_range")).isEqualTo("0\t0");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("WARN").contains("net.ipv4.ping_group_range changed from '1 0' to '0 0'");
        assertSuccess(run(ping(CheckTarget.of(PEER6, 0))));
        // connect_ip: the real server stays the identity, the echo goes to connect_ip.
        assertSuccess(run(ping(CheckTarget.of(ip("198.51.100.99"), 0).withConnect(PEER, 0))));
        assertThat(checker.openSockets()).isEqualTo(2);
    }

    @Test
    void aVanishedPeerGivesNoEchoReplyAfterConnectTimeout() throws Exception {
        peer.addAddress("p1", "198.51.100.3/24");
        CheckTarget target = CheckTarget.of(ip("198.51.100.3"), 0);
        assertSuccess(run(ping(target)));
        peer.ip("addr", "del", "198.51.100.3/24", "dev", "p1");
        AttemptOutcome lost = run(ping(target));
        assertThat(reason(lost)).isEqualTo(new FailureReason.NoEchoReply(TIMEOUT));
        assertThat(((AttemptOutcome.Failure) lost).latency()).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void unreachableRoutesFailAtOnceNamingWhoSaidSo() throws Exception {
        // Locally: the routing table refuses the send.
        chk.ip("route", "add", "unreachable", "203.0.113.0/24");
        assertThat(reason(run(ping(CheckTarget.of(ip("203.0.113.5"), 0)))))
                .isEqualTo(new FailureReason.Unreachable("host unreachable", "sendto: EHOSTUNREACH"));
        // A router: peer forwards, has an unreachable route and says so with ICMP.
        peer.sysctl("net.ipv4.ip_forward", "1");
        peer.ip("route", "add", "unreachable", "192.0.2.128/25");
        chk.ip("route", "add", "192.0.2.128/25", "via", "198.51.100.2");
        AttemptOutcome viaRouter = run(ping(CheckTarget.of(ip("192.0.2.200"), 0)));
        // The error, not connect_timeout, ended the attempt: a timeout would be NoEchoReply.
        assertThat(reason(viaRouter).message()).isEqualTo("host unreachable (ICMP from 198.51.100.2)");
    }

    @Test
    void bindIfChoosesTheInterface() throws Exception {
        assertSuccess(run(ping(CheckTarget.of(PEER, 0).withBindInterface("c1"))));
        // Out of c2 the peer is not there: ARP on the wrong link gets no answer.
        assertThat(reason(run(ping(CheckTarget.of(PEER, 0).withBindInterface("c2")))))
                .isEqualTo(new FailureReason.NoEchoReply(TIMEOUT));
        // IPv6 link-local needs the scope bind_if gives.
        String peerLinkLocal = peer.exec("ip", "-6", "-o", "addr", "show", "dev", "p1", "scope", "link")
                .orThrow("link-local of p1").stdout().replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)/64.*", "$1");
        assertSuccess(run(ping(CheckTarget.of(ip(peerLinkLocal), 0).withBindInterface("c1"))));
        // bindto: the source address is ours on c1; an address that is not ours cannot be bound.
        assertSuccess(run(ping(CheckTarget.of(PEER, 0).withBind(ip("198.51.100.1"), OptionalInt.empty()))));
        assertThat(reason(run(ping(CheckTarget.of(PEER, 0).withBind(ip("198.51.100.77"), OptionalInt.empty()))))
                .message()).contains("EADDRNOTAVAIL");
    }

    @Test
    void fwmarkIsOnThePackets() throws Exception {
        // Marked packets route by table 100, where everything is unreachable.
        chk.ip("rule", "add", "fwmark", "7", "table", "100");
        chk.ip("route", "add", "unreachable", "default", "table", "100");
        assertSuccess(run(ping(CheckTarget.of(PEER, 0))));
        assertThat(reason(run(ping(CheckTarget.of(PEER, 0).withFwmark(7)))))
                .isEqualTo(new FailureReason.Unreachable("host unreachable", "sendto: EHOSTUNREACH"));
        assertSuccess(run(ping(CheckTarget.of(PEER, 0).withFwmark(8))));
        // Three keys, three sockets: unmarked, mark 7, mark 8.
        assertThat(checker.openSockets()).isEqualTo(3);
    }

    @Test
    void twoHundredTargetsShareOneSocketAndCloseLeavesNothing() throws Exception {
        Path batch = lab.workDir().resolve("addresses.batch");
        List<String> lines = new ArrayList<>();
        for (int i = 10; i <= 209; i++) {
            lines.add("addr add 198.51.100." + i + "/24 dev p1");
        }
        Files.write(batch, lines);
        peer.exec("ip", "-batch", batch.toString()).orThrow("ip -batch");
        long before = socketAndEventFdCount();
        List<CompletableFuture<AttemptOutcome>> outcomes = new ArrayList<>();
        for (int i = 10; i <= 209; i++) {
            CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
            PingCheck spec = new PingCheck(CheckTarget.of(ip("198.51.100." + i), 0),
                    CheckOptions.defaults(CheckType.PING_CHECK).withConnectTimeout(Duration.ofSeconds(5)));
            checker.check(spec, f::complete);
            outcomes.add(f);
        }
        for (CompletableFuture<AttemptOutcome> f : outcomes) {
            assertSuccess(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(checker.openSockets()).isEqualTo(1);
        // One ICMP socket and the receiver's eventfd.
        assertThat(socketAndEventFdCount()).isEqualTo(before + 2);
        assertThat(checker.receiverRunning()).isTrue();
        checker.close();
        assertThat(checker.receiverRunning()).isFalse();
        assertThat(receiverThreads()).isZero();
        assertThat(socketAndEventFdCount()).isEqualTo(before);
        assertThat(reason(run(ping(CheckTarget.of(PEER, 0)))).message()).contains("checker is closed");
    }

    @Test
    void closingTheLoopAloneStopsTheReceiver() throws Exception {
        long before = socketAndEventFdCount();
        NioEventLoop second = NetworkNamespace.named(chk.name()).call(() -> new NioEventLoop("ping-netns-second"));
        PingChecker orphan = new PingChecker(second);
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        orphan.check(ping(CheckTarget.of(PEER, 0)), f::complete);
        assertSuccess(f.get(30, TimeUnit.SECONDS));
        assertThat(orphan.receiverRunning()).isTrue();
        second.close();
        // The receiver notices the loop thread ended within PingChecker.LOOP_CHECK_MILLIS.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((orphan.receiverRunning() || socketAndEventFdCount() != before) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(orphan.receiverRunning()).isFalse();
        assertThat(orphan.openSockets()).isZero();
        assertThat(socketAndEventFdCount()).isEqualTo(before);
    }

    static long receiverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ping-check-receiver") && t.isAlive()).count();
    }

    /**
     * Open socket and eventfd descriptors of this JVM (the idea of linux-net's NetnsSupport):
     * what the checker could leak. Pipes of finished ip(8) processes come and go on their own.
     */
    static long socketAndEventFdCount() throws IOException {
        List<Path> entries;
        try (var stream = Files.list(Path.of("/proc/self/fd"))) {
            entries = stream.toList();
        }
        long n = 0;
        for (Path p : entries) {
            try {
                String target = Files.readSymbolicLink(p).toString();
                if (target.startsWith("socket:") || target.equals("anon_inode:[eventfd]")) {
                    n++;
                }
            } catch (IOException e) {
                // closed while listing
            }
        }
        return n;
    }

    /** Copies what the code under test logs to stderr (slf4j-simple) into a buffer too. */
    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream first;
        private final ByteArrayOutputStream second;

        TeeStream(PrintStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
