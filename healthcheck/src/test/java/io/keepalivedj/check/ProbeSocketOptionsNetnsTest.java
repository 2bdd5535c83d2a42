package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.testing.LabProcess;
import io.keepalivedj.testing.Netns;
import io.keepalivedj.testing.NetnsLab;
import io.keepalivedj.testing.NetnsTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bind_if and fwmark on real probes. A checker namespace has two veths, each to a server
 * namespace of its own:
 * <pre>
 *   srv1 s1 198.51.100.2 ── c1 198.51.100.1  chk  c2 203.0.113.1 ── s2 203.0.113.2 srv2
 * </pre>
 * Each server runs a python3 listener (TCP: answers an HTTP request with 200, logs each peer;
 * UDP: echoes). The checkers' {@link NioEventLoop} is created inside chk, so its sockets live there.
 */
@NetnsTest
class ProbeSocketOptionsNetnsTest {

    private static final int PORT = 8080;
    /** Short: the failing probes wait for it (ARP on the wrong link gets no answer). */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final InetAddress SRV1 = ip("198.51.100.2");
    private static final InetAddress SRV2 = ip("203.0.113.2");

    /** TCP and UDP on one port; prints "ready", then "tcp PEER" / "udp PEER" per probe. */
    private static final String SERVER = """
            import socket, sys, threading
            port = int(sys.argv[1])

            def udp():
                s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                s.bind(('::', port))
                while True:
                    data, peer = s.recvfrom(65535)
                    print('udp', peer[0], flush=True)
                    s.sendto(data, peer)

            s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('::', port))
            s.listen(16)
            threading.Thread(target=udp, daemon=True).start()
            print('ready', flush=True)
            while True:
                c, peer = s.accept()
                print('tcp', peer[0], flush=True)
                c.settimeout(2)
                try:
                    request = b''
                    while b'\\r\\n\\r\\n' not in request:
                        chunk = c.recv(4096)
                        if not chunk:
                            break
                        request += chunk
                    if request:
                        c.sendall(b'HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok')
                except OSError:
                    pass
                c.close()
            """;

    private NetnsLab lab;
    private Netns chk;
    private Netns srv1;
    private LabProcess server1;
    private LabProcess server2;
    private NioEventLoop loop;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        chk = lab.addNamespace("chk");
        srv1 = lab.addNamespace("srv1");
        Netns srv2 = lab.addNamespace("srv2");
        lab.addVeth(chk, "c1", srv1, "s1");
        lab.addVeth(chk, "c2", srv2, "s2");
        chk.addAddress("c1", "198.51.100.1/24");
        chk.addAddress("c2", "203.0.113.1/24");
        srv1.addAddress("s1", "198.51.100.2/24");
        srv2.addAddress("s2", "203.0.113.2/24");
        for (String link : List.of("c1", "c2")) {
            chk.linkUp(link);
        }
        srv1.linkUp("s1");
        srv2.linkUp("s2");
        Path script = lab.workDir().resolve("server.py");
        Files.writeString(script, SERVER);
        server1 = startServer(srv1, script);
        server2 = startServer(srv2, script);
        loop = NetworkNamespace.named(chk.name()).call(() -> new NioEventLoop("probe-options-netns"));
    }

    @AfterEach
    void tearDown() {
        if (loop != null) {
            loop.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** Each server sees probes only through the interface bind_if names; through the other, none arrive. */
    @Test
    void tcpAndUdpProbesLeaveThroughTheBoundInterfaceOnly() throws Exception {
        assertThat(tcp(target(SRV1).withBindInterface("c1"))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(tcp(target(SRV2).withBindInterface("c2"))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(udp(target(SRV1).withBindInterface("c1"))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(udp(target(SRV2).withBindInterface("c2"))).isInstanceOf(AttemptOutcome.Success.class);

        // Bound to the other link the kernel takes the server as on-link there (no route matches
        // that interface) and ARPs for it on a segment where nobody owns the address: nothing
        // leaves, so TCP times out connecting and UDP hears no reply.
        assertThat(reason(tcp(target(SRV1).withBindInterface("c2")))).isEqualTo(new FailureReason.ConnectTimeout(TIMEOUT));
        assertThat(reason(udp(target(SRV2).withBindInterface("c1")))).isEqualTo(new FailureReason.NoReply(TIMEOUT));

        // TCP's accept and UDP's receive log from two threads: their order is not the probes'.
        assertThat(peers(server1, 2)).containsExactlyInAnyOrder("tcp ::ffff:198.51.100.1", "udp ::ffff:198.51.100.1");
        assertThat(peers(server2, 2)).containsExactlyInAnyOrder("tcp ::ffff:203.0.113.1", "udp ::ffff:203.0.113.1");
    }

    /** `ip rule fwmark 7 table 100` sends marked probes to a table where the target is unreachable. */
    @Test
    void aMarkedProbeFollowsItsPolicyRoute() throws Exception {
        chk.ip("rule", "add", "fwmark", "7", "table", "100", "priority", "100");
        chk.ip("route", "add", "unreachable", "198.51.100.0/24", "table", "100");

        assertThat(tcp(target(SRV1))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(udp(target(SRV1))).isInstanceOf(AttemptOutcome.Success.class);
        // The route is refused at connect(2): EHOSTUNREACH, before any packet leaves.
        assertThat(reason(tcp(target(SRV1).withFwmark(7)))).isEqualTo(new FailureReason.NetworkError("No route to host"));
        assertThat(reason(udp(target(SRV1).withFwmark(7)))).isEqualTo(new FailureReason.NetworkError("No route to host"));
        // Another mark is not matched by the rule.
        assertThat(tcp(target(SRV1).withFwmark(8))).isInstanceOf(AttemptOutcome.Success.class);

        assertThat(peers(server1, 3)).containsExactlyInAnyOrder("tcp ::ffff:198.51.100.1", "udp ::ffff:198.51.100.1",
                "tcp ::ffff:198.51.100.1");
    }

    /**
     * HTTP_GET with both: the mark picks table 101, whose route through c1 has its own source
     * address, so the server sees that address only on the marked, bound fetch.
     */
    @Test
    void httpGetWithBindIfAndFwmarkWorksEndToEnd() throws Exception {
        chk.addAddress("c1", "198.51.100.11/24");
        chk.ip("rule", "add", "fwmark", "9", "table", "101", "priority", "100");
        chk.ip("route", "add", "198.51.100.0/24", "dev", "c1", "src", "198.51.100.11", "table", "101");
        AttemptOutcome both = http(target(SRV1).withBindInterface("c1").withFwmark(9));
        AttemptOutcome neither = http(target(SRV1));
        AttemptOutcome wrongLink = http(target(SRV1).withBindInterface("c2").withFwmark(9));

        assertThat(both).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(neither).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(wrongLink)).isEqualTo(new FailureReason.ConnectTimeout(TIMEOUT));
        assertThat(peers(server1, 2)).containsExactly("tcp ::ffff:198.51.100.11", "tcp ::ffff:198.51.100.1");
    }

    /**
     * An IPv6 link-local target: both links have fe80::/64, so only bind_if says which one; the
     * probe connects with that interface's scope, looked up inside chk.
     */
    @Test
    void aLinkLocalTargetIsReachedThroughBindIf() throws Exception {
        InetAddress s1 = ip(linkLocal(srv1, "s1"));
        CheckTarget target = CheckTarget.of(s1, PORT);

        assertThat(tcp(target.withBindInterface("c1"))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(udp(target.withBindInterface("c1"))).isInstanceOf(AttemptOutcome.Success.class);
        // Without an interface connect(2) refuses a link-local destination: EINVAL.
        assertThat(reason(tcp(target))).isEqualTo(new FailureReason.NetworkError("Invalid argument"));
        assertThat(reason(tcp(target.withBindInterface("c2")))).isEqualTo(new FailureReason.ConnectTimeout(TIMEOUT));

        // From c1's own link-local address, as ip(8) prints it.
        String c1 = linkLocal(chk, "c1");
        assertThat(peers(server1, 2)).containsExactlyInAnyOrder("tcp " + c1, "udp " + c1);
    }

    private AttemptOutcome http(CheckTarget target) throws Exception {
        HttpGetChecker checker = new HttpGetChecker(loop);
        HttpGetCheck check = HttpGetCheck.of(target, UrlCheck.of("/")).withOptions(options(CheckType.HTTP_GET));
        return await(done -> checker.check(check, done));
    }

    private AttemptOutcome tcp(CheckTarget target) throws Exception {
        TcpChecker checker = new TcpChecker(loop);
        return await(done -> checker.check(new TcpCheck(target, options(CheckType.TCP_CHECK)), done));
    }

    private AttemptOutcome udp(CheckTarget target) throws Exception {
        UdpChecker checker = new UdpChecker(loop, new Random(1));
        UdpCheck check = UdpCheck.of(target).withOptions(options(CheckType.UDP_CHECK)).withPayload("6b6a")
                .withRequireReply(java.util.Optional.of("6b6a"));
        return await(done -> checker.check(check, done));
    }

    private static CheckTarget target(InetAddress server) {
        return CheckTarget.of(server, PORT);
    }

    private static CheckOptions options(CheckType type) {
        return CheckOptions.builder(type).connectTimeout(TIMEOUT).build();
    }

    /** Runs one attempt; the bound only guards against a hang, the attempt ends by its own timeout. */
    private static AttemptOutcome await(Function<Consumer<AttemptOutcome>, Cancellable> start) throws Exception {
        CompletableFuture<AttemptOutcome> outcome = new CompletableFuture<>();
        start.apply(outcome::complete);
        return outcome.get(30, TimeUnit.SECONDS);
    }

    private static FailureReason reason(AttemptOutcome outcome) {
        assertThat(outcome).isInstanceOf(AttemptOutcome.Failure.class);
        return ((AttemptOutcome.Failure) outcome).reason();
    }

    /**
     * The server's log lines after "ready", one per probe that reached it, once there are
     * {@code expected} of them (bounded wait): a TCP_CHECK passes at the SYN-ACK, before the
     * server's accept returns and logs it.
     */
    private static List<String> peers(LabProcess server, int expected) throws InterruptedException {
        List<String> lines = List.of();
        for (int i = 0; i < 200; i++) {
            lines = server.stdout().lines().filter(l -> !l.equals("ready")).toList();
            if (lines.size() >= expected) {
                break;
            }
            Thread.sleep(50);
        }
        return lines;
    }

    private static LabProcess startServer(Netns ns, Path script) throws InterruptedException {
        LabProcess p = ns.start("python3", script.toString(), Integer.toString(PORT));
        // Bounded wait for the listener, not a timing assertion.
        for (int i = 0; i < 200 && !p.stdout().startsWith("ready"); i++) {
            if (!p.isAlive()) {
                throw new AssertionError("python3 server in " + ns.name() + " exited: " + p.stderr());
            }
            Thread.sleep(50);
        }
        assertThat(p.stdout()).as("python3 server in " + ns.name() + ": " + p.stderr()).startsWith("ready");
        return p;
    }

    /** The fe80:: address of {@code ifName} in {@code ns}, as ip(8) prints it (no scope). */
    private static String linkLocal(Netns ns, String ifName) {
        String out = ns.ip("-6", "-o", "addr", "show", "dev", ifName, "scope", "link").stdout();
        String cidr = out.trim().split("\\s+")[3];
        return cidr.substring(0, cidr.indexOf('/'));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
