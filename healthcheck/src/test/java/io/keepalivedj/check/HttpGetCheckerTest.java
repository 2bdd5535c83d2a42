package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpGetCheckerTest {

    static final InetAddress LO = InetAddress.getLoopbackAddress();
    /** md5("hello world\n"), as Debian genhash 2.2.7 printed it for that body. */
    static final String HELLO_MD5 = "6f5902ac237024bdd0c176cb93063dc4";
    static final Duration TIMEOUT = Duration.ofMillis(300);

    NioEventLoop loop;
    HttpGetChecker checker;
    HttpServer http;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        loop = new NioEventLoop("test-loop");
        checker = new HttpGetChecker(loop);
        http = HttpServer.create(new InetSocketAddress(LO, 0), 0);
        http.createContext("/", ex -> {
            byte[] body = "hello world\n".getBytes(StandardCharsets.US_ASCII);
            int status = ex.getRequestURI().getPath().equals("/down") ? 503 : 200;
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        http.stop(0);
        for (AutoCloseable c : closeables) {
            c.close();
        }
        loop.close();
    }

    AttemptOutcome run(HttpGetCheck spec) throws Exception {
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        checker.check(spec, f::complete);
        // A guard against a hung test, not a speed assertion.
        return f.get(30, TimeUnit.SECONDS);
    }

    HttpGetCheck spec(int port, UrlCheck... urls) {
        return HttpGetCheck.of(CheckTarget.of(LO, port), urls)
                .withOptions(CheckOptions.defaults(CheckType.HTTP_GET).withConnectTimeout(TIMEOUT));
    }

    static String reason(AttemptOutcome o) {
        assertThat(o).isInstanceOf(AttemptOutcome.Failure.class);
        return ((AttemptOutcome.Failure) o).reason().message();
    }

    @Test
    void passesOn200AndMatchingDigest() throws Exception {
        AttemptOutcome o = run(spec(http.getAddress().getPort(), UrlCheck.of("/").withDigest(HELLO_MD5)));
        assertThat(o).isInstanceOf(AttemptOutcome.Success.class);
    }

    @Test
    void statusOutsideRangeFails() throws Exception {
        AttemptOutcome o = run(spec(http.getAddress().getPort(), UrlCheck.of("/down")));
        assertThat(reason(o)).isEqualTo("status 503 not in 200-299 for /down");
        AttemptOutcome ok = run(spec(http.getAddress().getPort(), UrlCheck.of("/down").withStatusCodes(StatusCodes.parse("200", "500-599"))));
        assertThat(ok).isInstanceOf(AttemptOutcome.Success.class);
    }

    @Test
    void digestMismatchNamesBoth() throws Exception {
        String want = "00000000000000000000000000000000";
        AttemptOutcome o = run(spec(http.getAddress().getPort(), UrlCheck.of("/").withDigest(want)));
        assertThat(reason(o)).isEqualTo("digest mismatch: got " + HELLO_MD5 + " want " + want + " for /");
        assertThat(((AttemptOutcome.Failure) o).reason()).isInstanceOf(FailureReason.DigestMismatch.class);
    }

    @Test
    void everyUrlMustPassAndTheFirstFailureIsReported() throws Exception {
        AttemptOutcome o = run(spec(http.getAddress().getPort(), UrlCheck.of("/"), UrlCheck.of("/down"), UrlCheck.of("/x")));
        assertThat(reason(o)).isEqualTo("status 503 not in 200-299 for /down");
    }

    @Test
    void regexAndRegexNoMatch() throws Exception {
        int port = http.getAddress().getPort();
        assertThat(run(spec(port, UrlCheck.of("/").withRegex("wor.d", false)))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(run(spec(port, UrlCheck.of("/").withRegex("^bye", false)))))
                .isEqualTo("regex did not match: ^bye for /");
        assertThat(reason(run(spec(port, UrlCheck.of("/").withRegex("hello", true)))))
                .isEqualTo("regex matched (regex_no_match): hello for /");
        assertThat(run(spec(port, UrlCheck.of("/").withRegex("bye", true)))).isInstanceOf(AttemptOutcome.Success.class);
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        assertThat(reason(run(spec(port, UrlCheck.of("/"))))).isEqualTo("connection refused");
    }

    @Test
    void connectTimeoutWhenTheListenBacklogIsFull() throws Exception {
        // Linux drops SYNs to a listener whose accept queue is full (tcp_abort_on_overflow=0),
        // so our connect gets no answer at all.
        ServerSocket s = new ServerSocket(0, 1, LO);
        closeables.add(s);
        for (int i = 0; i < 8; i++) {
            Socket filler = new Socket();
            closeables.add(filler);
            try {
                filler.connect(s.getLocalSocketAddress(), 200);
            } catch (IOException e) {
                break;
            }
        }
        assertThat(reason(run(spec(s.getLocalPort(), UrlCheck.of("/"))))).isEqualTo("connect timeout after 300 ms");
    }

    @Test
    void readTimeoutWhenServerAcceptsAndNeverAnswers() throws Exception {
        RawServer silent = new RawServer((sock, req) -> { });
        closeables.add(silent);
        AttemptOutcome o = run(spec(silent.port(), UrlCheck.of("/")));
        assertThat(reason(o)).isEqualTo("read timeout after 300 ms");
        assertThat(o.latency()).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void bodyStallingLongerThanConnectTimeoutIsAReadTimeout() throws Exception {
        // Headers and two body bytes, then silence: connect_timeout bounds each read, so the
        // attempt ends one timeout after the last byte, not one after the connect.
        RawServer staller = new RawServer((sock, req) -> {
            OutputStream out = sock.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\nhe".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sleep(TIMEOUT.multipliedBy(5));
        });
        closeables.add(staller);
        AttemptOutcome o = run(spec(staller.port(), UrlCheck.of("/").withDigest(HELLO_MD5)));
        assertThat(reason(o)).isEqualTo("read timeout after 300 ms");
        assertThat(((AttemptOutcome.Failure) o).reason()).isEqualTo(new FailureReason.ReadTimeout(TIMEOUT));
        assertThat(o.latency()).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void bodyTricklingWithinConnectTimeoutPerReadPasses() throws Exception {
        // keepalived re-arms connect_timeout on every read: a body trickling in for twice the
        // timeout, one byte per quarter of it, still passes.
        Duration timeout = Duration.ofSeconds(1);
        RawServer trickler = new RawServer((sock, req) -> {
            OutputStream out = sock.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (byte b : "hello world\n".getBytes(StandardCharsets.US_ASCII)) {
                sleep(timeout.dividedBy(4));
                out.write(b);
                out.flush();
            }
            sock.close();
        });
        closeables.add(trickler);
        HttpGetCheck spec = HttpGetCheck.of(CheckTarget.of(LO, trickler.port()), UrlCheck.of("/").withDigest(HELLO_MD5))
                .withOptions(CheckOptions.defaults(CheckType.HTTP_GET).withConnectTimeout(timeout));
        AttemptOutcome o = run(spec);
        assertThat(o).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(o.latency()).isGreaterThan(timeout.multipliedBy(2));
    }

    @Test
    void emptyStatusLineIsMalformed() throws Exception {
        RawServer blank = RawServer.replying("\r\n\r\n");
        closeables.add(blank);
        assertThat(reason(run(spec(blank.port(), UrlCheck.of("/"))))).isEqualTo("malformed response: bad status line ''");
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void connectionResetMidBody() throws Exception {
        RawServer resetter = new RawServer((sock, req) -> {
            OutputStream out = sock.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\nContent-Length: 100000\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sock.setSoLinger(true, 0); // close() now sends RST
            sock.close();
        });
        closeables.add(resetter);
        assertThat(reason(run(spec(resetter.port(), UrlCheck.of("/").withDigest(HELLO_MD5))))).isEqualTo("connection reset");
    }

    @Test
    void closeBeforeHeadersIsMalformed() throws Exception {
        RawServer closer = RawServer.replying("HTTP/1.0 200 OK\r\nContent-");
        closeables.add(closer);
        assertThat(reason(run(spec(closer.port(), UrlCheck.of("/")))))
                .isEqualTo("malformed response: connection closed before end of headers");
        RawServer garbage = RawServer.replying("SSH-2.0-OpenSSH\r\n\r\n");
        closeables.add(garbage);
        assertThat(reason(run(spec(garbage.port(), UrlCheck.of("/")))))
                .isEqualTo("malformed response: bad status line 'SSH-2.0-OpenSSH'");
    }

    @Test
    void digestCoversRawChunkedBodyLikeGenhash() throws Exception {
        // Debian genhash 2.2.7 printed 6a21bf6b71bc0e7d193aacbcda31e7d2 for exactly this reply.
        RawServer chunked = RawServer.replying(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n6\r\nworld\n\r\n0\r\n\r\n");
        closeables.add(chunked);
        assertThat(run(spec(chunked.port(), UrlCheck.of("/").withDigest("6a21bf6b71bc0e7d193aacbcda31e7d2"))))
                .isInstanceOf(AttemptOutcome.Success.class);
    }

    @Test
    void digestStopsAtContentLengthAndCoversCloseDelimitedBodies() throws Exception {
        // genhash 2.2.7 printed md5("hello") = 5d41... for a Content-Length 5 reply with 12 body bytes.
        RawServer shortCl = RawServer.replying("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello world\n");
        RawServer closeDelimited = RawServer.replying("HTTP/1.0 200 OK\r\n\r\nhello world\n");
        closeables.add(shortCl);
        closeables.add(closeDelimited);
        assertThat(run(spec(shortCl.port(), UrlCheck.of("/").withDigest("5d41402abc4b2a76b9719d911017c592"))))
                .isInstanceOf(AttemptOutcome.Success.class);
        assertThat(run(spec(closeDelimited.port(), UrlCheck.of("/").withDigest(HELLO_MD5))))
                .isInstanceOf(AttemptOutcome.Success.class);
    }

    @Test
    void sendsKeepalivedsExactRequest() throws Exception {
        RawServer capture = RawServer.replying("HTTP/1.0 200 OK\r\n\r\n");
        closeables.add(capture);
        int port = capture.port();
        run(spec(port, UrlCheck.of("/")));
        run(spec(port, UrlCheck.of("/x")).withVirtualhost("myhost"));
        run(spec(port, UrlCheck.of("/")).withProtocol(HttpProtocol.HTTP_1_1));
        run(spec(port, UrlCheck.of("/")).withProtocol(HttpProtocol.HTTP_1_0C));
        run(spec(port, UrlCheck.of("/").withVirtualhost("urlhost")).withVirtualhost("myhost"));
        // Captured from Debian genhash 2.2.7 (-u /; -u /x -V myhost; -P 1.1; -P 1.0C).
        assertThat(capture.requests).containsExactly(
                "GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
                "GET /x HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: myhost\r\n\r\n",
                "GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
                "GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
                "GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: urlhost\r\n\r\n");
    }

    @Test
    void connectIpAndPortOverrideTheRealServer() throws Exception {
        CheckTarget target = CheckTarget.of(InetAddress.getByName("192.0.2.1"), 80)
                .withConnect(LO, http.getAddress().getPort());
        HttpGetCheck s = new HttpGetCheck(target, CheckOptions.defaults(CheckType.HTTP_GET).withConnectTimeout(TIMEOUT),
                List.of(UrlCheck.of("/")), Optional.empty(), HttpProtocol.HTTP_1_0, false, false, Optional.empty(), false);
        assertThat(run(s)).isInstanceOf(AttemptOutcome.Success.class);
    }

    @Test
    void tcpCheckConnectsOrNamesTheReason() throws Exception {
        TcpChecker tcp = new TcpChecker(loop);
        CompletableFuture<AttemptOutcome> ok = new CompletableFuture<>();
        tcp.check(new TcpCheck(CheckTarget.of(LO, http.getAddress().getPort()), CheckOptions.defaults(CheckType.TCP_CHECK)), ok::complete);
        assertThat(ok.get(30, TimeUnit.SECONDS)).isInstanceOf(AttemptOutcome.Success.class);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        CompletableFuture<AttemptOutcome> refused = new CompletableFuture<>();
        tcp.check(new TcpCheck(CheckTarget.of(LO, port), CheckOptions.defaults(CheckType.TCP_CHECK)), refused::complete);
        assertThat(reason(refused.get(30, TimeUnit.SECONDS))).isEqualTo("connection refused");
    }
}
