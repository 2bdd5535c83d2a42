package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSL_GET against a loopback HTTPS server with a self-signed certificate made by keytool. */
class SslGetCheckerTest {

    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    static Path keys;
    static TestTls.Identity server;
    static TestTls.Identity stranger;

    NioEventLoop loop;
    TestTls.Server https;

    @BeforeAll
    static void identities() throws Exception {
        server = TestTls.generate(keys, "server");
        stranger = TestTls.generate(keys, "stranger");
    }

    @BeforeEach
    void setUp() throws Exception {
        loop = new NioEventLoop("ssl-test");
        https = new TestTls.Server(server, ex -> {
            byte[] body = "hello world\n".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/down") ? 503 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @AfterEach
    void tearDown() {
        https.close();
        loop.close();
    }

    AttemptOutcome run(HttpGetChecker checker, HttpGetCheck spec) throws Exception {
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        checker.check(spec, f::complete);
        // A guard against a hung test, not a speed assertion.
        return f.get(30, TimeUnit.SECONDS);
    }

    AttemptOutcome run(HttpGetCheck spec) throws Exception {
        return run(new HttpGetChecker(loop), spec);
    }

    static HttpGetCheck ssl(int port, UrlCheck... urls) {
        return HttpGetCheck.ssl(CheckTarget.of(LO, port), urls)
                .withOptions(CheckOptions.defaults(CheckType.SSL_GET).withConnectTimeout(TIMEOUT));
    }

    static FailureReason reason(AttemptOutcome o) {
        assertThat(o).isInstanceOf(AttemptOutcome.Failure.class);
        return ((AttemptOutcome.Failure) o).reason();
    }

    @Test
    void selfSignedServerPassesWithDigestAndStatus() throws Exception {
        AttemptOutcome o = run(ssl(https.port(), UrlCheck.of("/").withDigest(HttpGetCheckerTest.HELLO_MD5)));
        assertThat(o).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(ssl(https.port(), UrlCheck.of("/")).type()).isEqualTo(CheckType.SSL_GET);
    }

    @Test
    void statusAndDigestAreCheckedOverTls() throws Exception {
        assertThat(reason(run(ssl(https.port(), UrlCheck.of("/down")))).message())
                .isEqualTo("status 503 not in 200-299 for /down");
        String want = "00000000000000000000000000000000";
        assertThat(reason(run(ssl(https.port(), UrlCheck.of("/").withDigest(want)))))
                .isEqualTo(new FailureReason.DigestMismatch("/", HttpGetCheckerTest.HELLO_MD5, want));
        assertThat(reason(run(ssl(https.port(), UrlCheck.of("/").withRegex("^bye", false)))))
                .isInstanceOf(FailureReason.RegexMismatch.class);
    }

    @Test
    void plainHttpServerIsAHandshakeFailure() throws Exception {
        try (TestTls.PlainResponder plain = new TestTls.PlainResponder()) {
            FailureReason r = reason(run(ssl(plain.port(), UrlCheck.of("/"))));
            assertThat(r).isInstanceOf(FailureReason.TlsHandshakeFailed.class);
            assertThat(r.kind()).isEqualTo("tls_handshake");
            assertThat(r.message()).startsWith("TLS handshake failed: ");
        }
    }

    @Test
    void serverClosingMidHandshakeIsAHandshakeFailure() throws Exception {
        // A server that accepts, reads the ClientHello and closes without a word.
        try (ServerSocket s = new ServerSocket(0, 10, LO)) {
            Thread t = new Thread(() -> {
                try (var c = s.accept()) {
                    c.getInputStream().read(new byte[5]);
                    c.shutdownOutput();
                    c.getInputStream().readAllBytes();
                } catch (Exception ignored) {
                    // The assertion below covers it.
                }
            });
            t.setDaemon(true);
            t.start();
            assertThat(reason(run(ssl(s.getLocalPort(), UrlCheck.of("/")))))
                    .isEqualTo(new FailureReason.TlsHandshakeFailed(FailureReason.TlsHandshakeFailed.PEER_CLOSED));
        }
    }

    @Test
    void silentServerTimesOutAsAConnectTimeout() throws Exception {
        RawServer silent = new RawServer((sock, req) -> { });
        try {
            AttemptOutcome o = run(ssl(silent.port(), UrlCheck.of("/")));
            assertThat(reason(o)).isEqualTo(new FailureReason.ConnectTimeout(TIMEOUT));
            assertThat(o.latency()).isGreaterThanOrEqualTo(TIMEOUT);
        } finally {
            silent.close();
        }
    }

    @Test
    void certificatesAreVerifiedOnlyAgainstAConfiguredCa() throws Exception {
        HttpGetCheck spec = ssl(https.port(), UrlCheck.of("/"));
        assertThat(run(new HttpGetChecker(loop, SslOptions.withCa(server.certificatePem())), spec))
                .isInstanceOf(AttemptOutcome.Success.class);
        FailureReason r = reason(run(new HttpGetChecker(loop, SslOptions.withCa(stranger.certificatePem())), spec));
        assertThat(r).isInstanceOf(FailureReason.TlsHandshakeFailed.class);
        assertThat(r.message()).contains("PKIX");
    }

    @Test
    void unusableCaFileIsRefusedUpFront() throws Exception {
        Path empty = Files.writeString(keys.resolve("empty.pem"), "");
        assertThatThrownBy(() -> new HttpGetChecker(loop, SslOptions.withCa(empty)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no certificate");
        assertThatThrownBy(() -> new HttpGetChecker(loop, SslOptions.withCa(keys.resolve("missing.pem"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read SSL ca");
    }

    @Test
    void sniOnlyWithEnableSniAndAVirtualhost() throws Exception {
        int port = https.port();
        run(ssl(port, UrlCheck.of("/")).withVirtualhost("plain.example.test"));
        run(ssl(port, UrlCheck.of("/")).withSni(Optional.empty()));
        run(ssl(port, UrlCheck.of("/")).withVirtualhost("www.example.test").withSni(Optional.empty()));
        run(ssl(port, UrlCheck.of("/").withVirtualhost("url.example.test")).withVirtualhost("www.example.test")
                .withSni(Optional.empty()));
        run(ssl(port, UrlCheck.of("/")).withVirtualhost("www.example.test").withSni(Optional.of("sni.example.test")));
        assertThat(https.sniNames()).containsExactly("www.example.test", "url.example.test", "sni.example.test");
    }

    @Test
    void sniOptionsNeedSslGet() {
        HttpGetCheck plain = HttpGetCheck.of(CheckTarget.of(LO, 80), UrlCheck.of("/"));
        assertThatThrownBy(() -> plain.withSni(Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpGetCheck(plain.target(), plain.options(), plain.urls(), Optional.empty(),
                HttpProtocol.HTTP_1_0, true, false, Optional.of("x.test"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sni_name needs enable_sni");
    }

    @Test
    void schedulerRunsSslGet() throws Exception {
        try (CheckScheduler scheduler = new CheckScheduler(loop, new NetworkCheckRunner(loop), RandomGenerator.getDefault())) {
            BlockingQueue<CheckEvent> events = new LinkedBlockingQueue<>();
            scheduler.addListener(events::add);
            CheckOptions opts = CheckOptions.builder(CheckType.SSL_GET).delayLoop(Duration.ofMillis(50))
                    .warmup(Duration.ZERO).alpha(true).build();
            scheduler.add(HttpGetCheck.ssl(CheckTarget.of(LO, https.port()), UrlCheck.of("/")).withOptions(opts));
            CheckEvent up = events.poll(30, TimeUnit.SECONDS);
            assertThat(up).isInstanceOfSatisfying(CheckEvent.Up.class, u -> assertThat(u.type()).isEqualTo(CheckType.SSL_GET));
        }
    }
}
