package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DNS_CHECK and UDP_CHECK against loopback UDP responders the tests script. */
class DatagramCheckersTest {

    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final Duration TIMEOUT = Duration.ofMillis(300);

    NioEventLoop loop;
    final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        loop = new NioEventLoop("udp-test");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        loop.close();
    }

    /** A loopback UDP server: each datagram gets the replies {@code answer} returns (maybe none). */
    final class Responder implements AutoCloseable {
        final DatagramSocket socket;
        final List<byte[]> received = new CopyOnWriteArrayList<>();

        Responder(Function<byte[], List<byte[]>> answer) throws Exception {
            socket = new DatagramSocket(new InetSocketAddress(LO, 0));
            closeables.add(this);
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65535];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        socket.receive(p);
                        byte[] data = Arrays.copyOf(p.getData(), p.getLength());
                        received.add(data);
                        for (byte[] reply : answer.apply(data)) {
                            socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                        }
                    } catch (Exception e) {
                        // Closed: the test is over.
                    }
                }
            }, "udp-responder");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    static int closedUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            return s.getLocalPort();
        }
    }

    AttemptOutcome run(CheckSpec spec) throws Exception {
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        NetworkCheckRunner runner = new NetworkCheckRunner(loop);
        runner.start(spec, f::complete);
        // A guard against a hung test, not a speed assertion.
        return f.get(30, TimeUnit.SECONDS);
    }

    static FailureReason reason(AttemptOutcome o) {
        assertThat(o).isInstanceOf(AttemptOutcome.Failure.class);
        return ((AttemptOutcome.Failure) o).reason();
    }

    /** The query turned into a response: QR set, {@code rcode}, no records. */
    static byte[] dnsAnswer(byte[] query, int rcode) {
        byte[] r = query.clone();
        r[2] = (byte) (r[2] | 0x80);
        r[3] = (byte) ((r[3] & 0xf0) | rcode);
        return r;
    }

    static byte[] withId(byte[] message, int id) {
        byte[] r = message.clone();
        r[0] = (byte) (id >> 8);
        r[1] = (byte) id;
        return r;
    }

    DnsCheck dns(int port) {
        return DnsCheck.of(CheckTarget.of(LO, port))
                .withOptions(CheckOptions.defaults(CheckType.DNS_CHECK).withConnectTimeout(TIMEOUT));
    }

    @Test
    void dnsQueryIsASoaForTheRootByDefault() throws Exception {
        Responder r = new Responder(q -> List.of(dnsAnswer(q, 0)));
        assertThat(run(dns(r.port()))).isInstanceOf(AttemptOutcome.Success.class);
        byte[] q = r.received.get(0);
        // ID (random) | flags RD | QDCOUNT 1 | AN/NS/AR 0 | QNAME "." | QTYPE SOA (6) | QCLASS IN
        assertThat(HexFormat.of().formatHex(q, 2, q.length)).isEqualTo("0100" + "0001" + "000000000000" + "00" + "0006" + "0001");
        byte[] aaaa = DnsMessages.query(0x1234, "www.Example.test.", DnsQueryType.AAAA);
        assertThat(HexFormat.of().formatHex(aaaa)).isEqualTo("1234010000010000000000000377777707"
                + HexFormat.of().formatHex("Example".getBytes()) + "0474657374" + "00" + "001c0001");
    }

    @Test
    void dnsIdsAreRandom() throws Exception {
        Responder r = new Responder(q -> List.of(dnsAnswer(q, 0)));
        for (int i = 0; i < 8; i++) {
            run(dns(r.port()));
        }
        assertThat(r.received.stream().map(q -> ((q[0] & 0xff) << 8) | (q[1] & 0xff)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void dnsErrorRcodeFails() throws Exception {
        Responder r = new Responder(q -> List.of(dnsAnswer(q, 3)));
        assertThat(reason(run(dns(r.port())))).isEqualTo(new FailureReason.DnsRcode(3));
        assertThat(new FailureReason.DnsRcode(3).message()).isEqualTo("DNS error NXDOMAIN");
        Responder refused = new Responder(q -> List.of(dnsAnswer(q, 5)));
        assertThat(reason(run(dns(refused.port()).withQuery(DnsQueryType.A, "example.test"))).message())
                .isEqualTo("DNS error REFUSED");
    }

    @Test
    void dnsRepliesWithAnotherIdAreIgnored() throws Exception {
        Responder r = new Responder(q -> {
            int id = ((q[0] & 0xff) << 8) | (q[1] & 0xff);
            return List.of(withId(dnsAnswer(q, 2), id ^ 0x5555), dnsAnswer(q, 0));
        });
        assertThat(run(dns(r.port()))).isInstanceOf(AttemptOutcome.Success.class);
        Responder onlyStrangers = new Responder(q -> List.of(withId(dnsAnswer(q, 0), ((q[0] & 0xff) << 8 | (q[1] & 0xff)) ^ 1)));
        assertThat(reason(run(dns(onlyStrangers.port())))).isEqualTo(new FailureReason.NoReply(TIMEOUT));
    }

    @Test
    void dnsRejectsQueriesEchoedBackAndOtherQuestions() throws Exception {
        Responder echo = new Responder(q -> List.of(q));
        assertThat(reason(run(dns(echo.port()))).message()).isEqualTo("malformed response: DNS message is a query, not a response");
        Responder other = new Responder(q -> {
            byte[] a = dnsAnswer(q, 0);
            a[a.length - 3] = 1; // QTYPE SOA -> A
            return List.of(a);
        });
        assertThat(reason(run(dns(other.port()))).message()).isEqualTo("malformed response: DNS reply is for another question");
        Responder shortReply = new Responder(q -> List.of(Arrays.copyOf(q, 6)));
        assertThat(reason(run(dns(shortReply.port())))).isInstanceOf(FailureReason.MalformedResponse.class);
    }

    @Test
    void dnsSilenceAndPortUnreachable() throws Exception {
        Responder silent = new Responder(q -> List.of());
        AttemptOutcome o = run(dns(silent.port()));
        assertThat(reason(o)).isEqualTo(new FailureReason.NoReply(TIMEOUT));
        assertThat(o.latency()).isGreaterThanOrEqualTo(TIMEOUT);
        assertThat(reason(run(dns(closedUdpPort())))).isEqualTo(new FailureReason.ConnectionRefused());
    }

    @Test
    void dnsNamesAreValidated() {
        assertThat(DnsMessages.encodeName(".")).containsExactly(0);
        assertThatThrownBy(() -> DnsCheck.of(CheckTarget.of(LO, 53)).withQuery(DnsQueryType.A, "a..b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsCheck.of(CheckTarget.of(LO, 53)).withQuery(DnsQueryType.A, "x".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DnsQueryType.fromConfigName("mx").code()).isEqualTo(15);
        assertThatThrownBy(() -> DnsQueryType.fromConfigName("PTR")).isInstanceOf(IllegalArgumentException.class);
    }

    UdpCheck udp(int port) {
        return UdpCheck.of(CheckTarget.of(LO, port))
                .withOptions(CheckOptions.defaults(CheckType.UDP_CHECK).withConnectTimeout(TIMEOUT));
    }

    @Test
    void hexStringsFollowTheManPageExample() {
        assertThat(UdpCheck.parseHex("Ab12f 3 456 546443123", false)).isEqualTo("ab120f0345065464431203");
        assertThat(UdpCheck.parseHex("0aXx 1", true)).isEqualTo("0axx01");
        assertThatThrownBy(() -> UdpCheck.parseHex("0aX", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpCheck.parseHex("  ", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void udpSendsThePayloadOrRandomBytes() throws Exception {
        Responder r = new Responder(q -> List.of());
        assertThat(run(udp(r.port()).withPayload("dead beef 1"))).isInstanceOf(AttemptOutcome.Success.class);
        run(udp(r.port()));
        run(udp(r.port()));
        assertThat(HexFormat.of().formatHex(r.received.get(0))).isEqualTo("deadbeef01");
        assertThat(r.received.get(1)).hasSize(UdpChecker.RANDOM_PAYLOAD_LENGTH).isNotEqualTo(r.received.get(2));
    }

    @Test
    void udpWithoutRequireReplyFailsOnlyOnIcmpErrors() throws Exception {
        Responder silent = new Responder(q -> List.of());
        AttemptOutcome o = run(udp(silent.port()));
        assertThat(o).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(o.latency()).isGreaterThanOrEqualTo(TIMEOUT);
        assertThat(reason(run(udp(closedUdpPort())))).isEqualTo(new FailureReason.ConnectionRefused());
        assertThat(reason(run(udp(closedUdpPort()).withRequireReply(Optional.empty()))))
                .isEqualTo(new FailureReason.ConnectionRefused());
    }

    @Test
    void requireReplyNeedsAReplyOfTheRightLengthAndBytes() throws Exception {
        Responder echo = new Responder(q -> List.of(q));
        Responder counter = new Responder(q -> List.of(HexFormat.of().parseHex("ab17ff00")));
        Responder silent = new Responder(q -> List.of());
        UdpCheck echoCheck = udp(echo.port()).withPayload("ab120f").withRequireReply(Optional.empty());
        assertThat(run(echoCheck)).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(run(udp(silent.port()).withRequireReply(Optional.empty()))))
                .isEqualTo(new FailureReason.NoReply(TIMEOUT));
        assertThat(reason(run(echoCheck.withReplyLength(4, 255))).message())
                .isEqualTo("reply mismatch: length 3 not in 4-255");
        assertThat(reason(run(echoCheck.withReplyLength(0, 2))).message())
                .isEqualTo("reply mismatch: length 3 not in 0-2");
        // X nibbles match anything; the pattern is compared over the shorter of the two.
        UdpCheck counterCheck = udp(counter.port()).withPayload("00");
        assertThat(run(counterCheck.withRequireReply(Optional.of("ab 1x ff")))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(run(counterCheck.withRequireReply(Optional.of("ab1xff00 0102")))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(run(counterCheck.withRequireReply(Optional.of("ab 2x"))))).isEqualTo(
                new FailureReason.ReplyMismatch("got ab17 want ab2x"));
    }

    @Test
    void udpSpecIsValidated() {
        UdpCheck u = UdpCheck.of(CheckTarget.of(LO, 9));
        assertThat(u.maxReplyLength()).isEqualTo(255);
        assertThat(u.options().retry()).isEqualTo(1);
        assertThatThrownBy(() -> u.withReplyLength(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UdpCheck(u.target(), u.options(), Optional.of("abc"), false, Optional.empty(), 0, 255))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UdpCheck(u.target(), u.options(), Optional.empty(), false, Optional.of("ab"), 0, 255))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UdpChecker.judge(u, ByteBuffer.allocate(0), Duration.ZERO)).isInstanceOf(AttemptOutcome.Success.class);
    }
}
