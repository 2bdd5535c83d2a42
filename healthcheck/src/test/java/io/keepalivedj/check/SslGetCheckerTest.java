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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSL_GET against a loopback HTTPS server with a self-signed certificate made by keytool, and
 * against one that demands a client certificate from the openssl-made test CA.
 */
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

    /**
     * An HTTPS server that demands a client certificate issued by the openssl-made test CA
     * (src/test/resources/tls/ca.pem); {@code seen} gets the subject of each certificate offered.
     * {@code protocol}: the only TLS version it speaks.
     */
    static TestTls.ClientAuthServer demandingClientCertificates(List<String> seen, String protocol) throws Exception {
        return new TestTls.ClientAuthServer(server.serverContext(TestTls.resource("ca.pem"), seen), protocol);
    }

    static SslOptions client(String certificate, Optional<String> key, boolean encrypted) {
        return SslOptions.NONE.clientCertificate(TestTls.resource(certificate), key.map(TestTls::resource),
                encrypted ? Optional.of(TestTls.keyPassword()) : Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aClientCertificateFromTheCaIsAccepted(String protocol) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TestTls.ClientAuthServer mtls = demandingClientCertificates(seen, protocol)) {
            HttpGetCheck spec = ssl(mtls.port(), UrlCheck.of("/").withDigest(HttpGetCheckerTest.HELLO_MD5));
            // RSA with openssl 3's default encrypted PKCS#8; EC in SEC1 with Proc-Type: 4,ENCRYPTED;
            // a certificate from the intermediate, its file carrying the chain; the key in the certificate file.
            for (SslOptions o : List.of(
                    client("client-rsa.pem", Optional.of("client-rsa.pkcs8-default.key"), true),
                    client("client-ec.pem", Optional.of("client-ec.sec1-aes256.key"), true),
                    client("client-chained.pem", Optional.of("client-chained.key"), false),
                    client("client-rsa.combined.pem", Optional.empty(), false))) {
                assertThat(run(new HttpGetChecker(loop, o), spec)).as(o.toString()).isInstanceOf(AttemptOutcome.Success.class);
            }
            assertThat(seen).containsExactly("CN=keepalivedj-test-client +0", "CN=keepalivedj-test-client-ec +0",
                    "CN=keepalivedj-test-client-chained +1", "CN=keepalivedj-test-client +0");
        }
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() throws Exception {
        try (TestTls.ClientAuthServer mtls = demandingClientCertificates(new CopyOnWriteArrayList<>(), "TLSv1.2")) {
            FailureReason r = reason(run(ssl(mtls.port(), UrlCheck.of("/"))));
            assertThat(r).isEqualTo(new FailureReason.TlsHandshakeFailed("Received fatal alert: bad_certificate"));
            assertThat(r.message()).isEqualTo("TLS handshake failed: Received fatal alert: bad_certificate");
        }
    }

    @Test
    void withoutAClientCertificateTls13FailsRightAfterTheHandshake() throws Exception {
        // RFC 8446 §4.4: the client's handshake ends with its own Finished, before the server has
        // judged its (empty) Certificate; the verdict is an alert the request write or the first
        // read meets, and it is still a handshake failure.
        try (TestTls.ClientAuthServer mtls = demandingClientCertificates(new CopyOnWriteArrayList<>(), "TLSv1.3")) {
            FailureReason r = reason(run(ssl(mtls.port(), UrlCheck.of("/"))));
            assertThat(r).isEqualTo(new FailureReason.TlsHandshakeFailed("Received fatal alert: bad_certificate"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aClientCertificateFromAnotherCaIsPresentedAndRefused(String protocol) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TestTls.ClientAuthServer mtls = demandingClientCertificates(seen, protocol)) {
            AttemptOutcome o = run(new HttpGetChecker(loop, client("client-stranger.pem", Optional.of("client-stranger.key"),
                    false)), ssl(mtls.port(), UrlCheck.of("/")));
            // TLS 1.2: during the handshake; TLS 1.3: after it (see the test above); both are handshake failures.
            assertThat(reason(o)).isEqualTo(new FailureReason.TlsHandshakeFailed("Received fatal alert: certificate_unknown"));
            // Sent although the server's CertificateRequest names only the test CA, as OpenSSL does.
            assertThat(seen).containsExactly("CN=keepalivedj-test-client-stranger +0");
        }
    }

    @Test
    void theSchedulerTurnsTheServersVerdictIntoUpAndDown() throws Exception {
        try (TestTls.ClientAuthServer mtls = demandingClientCertificates(new CopyOnWriteArrayList<>(), "TLSv1.2")) {
            CheckOptions opts = CheckOptions.builder(CheckType.SSL_GET).delayLoop(Duration.ofMillis(50))
                    .delayBeforeRetry(Duration.ofMillis(10)).retry(0).warmup(Duration.ZERO).connectTimeout(TIMEOUT)
                    .build();
            HttpGetCheck spec = HttpGetCheck.ssl(CheckTarget.of(LO, mtls.port()), UrlCheck.of("/")).withOptions(opts);
            // alpha: starts down, so the first success reports Up.
            SslOptions cert = client("client-rsa.pem", Optional.of("client-rsa.pkcs1-des3.key"), true);
            assertThat(firstEvent(new NetworkCheckRunner(loop, cert), spec.withOptions(opts.withAlpha(true))))
                    .isInstanceOf(CheckEvent.Up.class);
            // not alpha: starts up, so the first failure reports Down.
            assertThat(firstEvent(new NetworkCheckRunner(loop), spec)).isInstanceOfSatisfying(CheckEvent.Down.class,
                    d -> assertThat(d.reason()).isInstanceOf(FailureReason.TlsHandshakeFailed.class));
        }
    }

    CheckEvent firstEvent(NetworkCheckRunner runner, HttpGetCheck spec) throws Exception {
        try (CheckScheduler scheduler = new CheckScheduler(loop, runner, RandomGenerator.getDefault())) {
            BlockingQueue<CheckEvent> events = new LinkedBlockingQueue<>();
            scheduler.addListener(events::add);
            scheduler.add(spec);
            return events.poll(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void caAndClientCertificateWorkTogether() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TestTls.ClientAuthServer mtls = demandingClientCertificates(seen, "TLSv1.3")) {
            HttpGetCheck spec = ssl(mtls.port(), UrlCheck.of("/"));
            SslOptions cert = client("client-ec.pem", Optional.of("client-ec.key"), false);
            assertThat(run(new HttpGetChecker(loop, cert.ca(server.certificatePem())), spec))
                    .isInstanceOf(AttemptOutcome.Success.class);
            FailureReason r = reason(run(new HttpGetChecker(loop, cert.ca(stranger.certificatePem())), spec));
            assertThat(r).isInstanceOf(FailureReason.TlsHandshakeFailed.class);
            assertThat(r.message()).contains("PKIX");
            // The client gave up on the server's certificate before sending its own.
            assertThat(seen).containsExactly("CN=keepalivedj-test-client-ec +0");
        }
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
