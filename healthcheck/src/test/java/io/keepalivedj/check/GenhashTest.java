package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenhashTest {

    static final Path DEBIAN_GENHASH = Path.of("/usr/bin/genhash");

    static String ours(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Genhash.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(rc).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    static String theirs(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DEBIAN_GENHASH.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void printsTheDigestLineOfTheBody() {
        RawServerFixture.withServer("HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\nhello world\n", port ->
                assertThat(ours("-s", "127.0.0.1", "-p", Integer.toString(port), "-u", "/"))
                        .isEqualTo("6f5902ac237024bdd0c176cb93063dc4\n"));
    }

    @Test
    void refusedConnectionPrintsConnectionFailed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(ours("-s", "127.0.0.1", "-p", Integer.toString(port), "-u", "/")).isEqualTo("Connection failed\n");
    }

    @Test
    void badUsageExitsNonZero() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Genhash.run(new String[] {"-s", "127.0.0.1"}, ps, ps)).isEqualTo(1);
        assertThat(Genhash.run(new String[] {"-m", "4294967296", "-s", "127.0.0.1", "-p", "443", "-u", "/"}, ps, ps))
                .isEqualTo(1);
        assertThat(Genhash.run(new String[] {"-m", "-1", "-s", "127.0.0.1", "-p", "443", "-u", "/"}, ps, ps)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: genhash")
                .contains("genhash: -m needs a mark 0-4294967295: 4294967296")
                .contains("genhash: -m needs a mark 0-4294967295: -1");
    }

    static void requireDebianGenhash() {
        String missing = "Debian's /usr/bin/genhash is missing: apt-get install keepalived (2.2.7) to run this comparison";
        // In CI a missing reference is a failure, never a silent skip (bin/test installs it).
        if ("true".equals(System.getenv("CI"))) {
            assertThat(DEBIAN_GENHASH).as(missing).isExecutable();
        }
        assumeTrue(Files.isExecutable(DEBIAN_GENHASH), missing);
    }

    static final HttpHandler ECHO_PAGE = ex -> {
        byte[] body = ("page " + ex.getRequestURI() + " host " + ex.getRequestHeaders().getFirst("Host") + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        ex.sendResponseHeaders(200, ex.getRequestURI().getPath().equals("/chunked") ? 0 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    };

    /** genhash -S against a self-signed HTTPS server: same digests and failure lines as Debian's. */
    @Test
    void sslMatchesDebianGenhash(@TempDir Path keys) throws Exception {
        requireDebianGenhash();
        TestTls.Identity id = TestTls.generate(keys, "genhash");
        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort();
        }
        try (TestTls.Server https = new TestTls.Server(id, ECHO_PAGE);
             TestTls.PlainResponder plain = new TestTls.PlainResponder()) {
            String port = Integer.toString(https.port());
            for (String[] extra : new String[][] {{}, {"-V", "www.example.test"}, {"-I"}, {"-I", "-V", "www.example.test"},
                    {"-P", "1.1"}}) {
                for (String url : List.of("/", "/chunked")) {
                    List<String> args = new ArrayList<>(List.of("-S", "-s", "127.0.0.1", "-p", port, "-u", url));
                    args.addAll(List.of(extra));
                    String[] a = args.toArray(String[]::new);
                    int sniBefore = https.sniNames().size();
                    String ours = ours(a);
                    // Ours sends SNI for -I with -V only, as genhash 2.2.7 does (seen on a python ssl server).
                    List<String> sent = https.sniNames().subList(sniBefore, https.sniNames().size());
                    if (args.contains("-I") && args.contains("-V")) {
                        assertThat(sent).as(String.join(" ", a)).containsOnly("www.example.test");
                    } else {
                        assertThat(sent).as(String.join(" ", a)).isEmpty();
                    }
                    assertThat(ours).as(String.join(" ", a)).matches("[0-9a-f]{32}\n").isEqualTo(theirs(a));
                }
            }
            for (int p : new int[] {plain.port(), refused}) {
                String[] a = {"-S", "-s", "127.0.0.1", "-p", Integer.toString(p), "-u", "/"};
                assertThat(ours(a)).as(String.join(" ", a)).isEqualTo(theirs(a));
            }
            assertThat(ours("-S", "-s", "127.0.0.1", "-p", Integer.toString(plain.port()), "-u", "/"))
                    .isEqualTo("SSL handshake/communication error connecting to\n");
        }
    }

    /** Same server, same arguments: our output equals Debian's genhash byte for byte. */
    @Test
    void matchesDebianGenhash() throws Exception {
        requireDebianGenhash();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ECHO_PAGE);
        http.start();
        try {
            String port = Integer.toString(http.getAddress().getPort());
            for (String[] extra : new String[][] {{}, {"-V", "www.example.test"}, {"-P", "1.1"}, {"-P", "1.0C"}}) {
                for (String url : List.of("/", "/a/b?c=d", "/chunked")) {
                    List<String> args = new ArrayList<>(List.of("-s", "127.0.0.1", "-p", port, "-u", url));
                    args.addAll(List.of(extra));
                    String[] a = args.toArray(String[]::new);
                    assertThat(ours(a)).as(String.join(" ", a)).isEqualTo(theirs(a));
                }
            }
        } finally {
            http.stop(0);
        }
    }

    /** The timing genhash -v ends with differs run to run; everything else must not. */
    static String maskTime(String verbose) {
        return verbose.replaceAll("(?m)^(Global response time for \\[[^\\]]*\\] = )\\d+( usecs)$", "$1N$2");
    }

    @Test
    void verboseDumpsLikeGenhash() {
        RawServerFixture.withServer("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nhi\n", port -> {
            String out = ours("-v", "-s", "127.0.0.1", "-p", Integer.toString(port), "-u", "/short.html");
            // Laid out as Debian's genhash 2.2.7 -v printed it for a 3-byte page (see Genhash.Verbose).
            assertThat(maskTime(out)).isEqualTo("""
                    -----------------------[    HTTP Header Buffer    ]-----------------------
                    0000  48 54 54 50 2f 31 2e 30 - 20 32 30 30 20 4f 4b 0d   HTTP/1.0 200 OK.
                    0016  0a 43 6f 6e 74 65 6e 74 - 2d 4c 65 6e 67 74 68 3a   .Content-Length:
                    0032  20 33 0d 0a 0d 0a       -                            3....         \s
                    -----------------------[ HTTP Header Ascii Buffer ]-----------------------
                    HTTP/1.0 200 OK\r
                    Content-Length: 3\r
                    \r

                    -----------------------[        HTML Buffer        ]-----------------------
                    0000  68 69 0a                -                           hi.            \s

                    -----------------------[    HTML hash resulting    ]-----------------------
                    0000  76 4e fa 88 3d da 1e 11 - db 47 67 1c 4a 3b bd 9e   vN..=....Gg.J;..
                    -----------------------[ HTML hash final resulting ]-----------------------
                    764efa883dda1e11db47671c4a3bbd9e

                    Global response time for [/short.html] = N usecs
                    """);
        });
    }

    /** genhash -v against the same raw replies: our output equals Debian's but for the time. */
    @Test
    void verboseMatchesDebianGenhash() throws Exception {
        requireDebianGenhash();
        String big = "0123456789abcdef".repeat(640); // 10,240 bytes: three reads of up to 4095 bytes
        List<String> replies = List.of(
                "HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\nhello world\n",
                "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.0 503 Service Unavailable\r\n\r\ndown\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n6\r\nworld\n\r\n0\r\n\r\n",
                "HTTP/1.0 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big,
                "HTTP/1.0 200 OK\r\nX-Bytes: \u00e9\u0001\r\n\r\n\u00ff\u0000\u007f~ \r\n");
        for (String reply : replies) {
            try (RawServer server = RawServer.replying(reply)) {
                String[] a = {"-v", "-s", "127.0.0.1", "-p", Integer.toString(server.port()), "-u", "/p"};
                assertThat(maskTime(ours(a))).as(reply).isEqualTo(maskTime(theirs(a)));
            }
        }
        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort();
        }
        String[] a = {"-v", "-s", "127.0.0.1", "-p", Integer.toString(refused), "-u", "/"};
        assertThat(maskTime(ours(a))).isEqualTo(maskTime(theirs(a)))
                .isEqualTo("Connection failed\n\nGlobal response time for [/] = N usecs\n");
    }

    static void requireRoot() {
        String why = "genhash -m sets SO_MARK, which needs CAP_NET_ADMIN: run as root";
        boolean root = "root".equals(System.getProperty("user.name"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(root).as(why).isTrue();
        }
        assumeTrue(root, why);
    }

    @Test
    void helpMatchesDebianGenhash() throws Exception {
        requireDebianGenhash();
        Process p = new ProcessBuilder(DEBIAN_GENHASH.toString(), "-h").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String theirs = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Genhash.run(new String[] {"-h"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        // Debian's names itself by argv[0]; ours cannot know how it was started.
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(theirs.replace("Usage: " + DEBIAN_GENHASH + " ", "Usage: genhash "));
        assertThat(out.size()).isZero();
        assertThat(rc).isEqualTo(p.exitValue()).isEqualTo(1);
    }

    /** genhash -m: the same output as Debian's, and the mark really is on the socket. */
    @Test
    void fwmarkMatchesDebianGenhashAndMarksTheSocket() throws Exception {
        requireDebianGenhash();
        requireRoot();
        for (String mark : List.of("0", "5", "4294967295")) {
            try (RawServer server = RawServer.replying("HTTP/1.0 200 OK\r\n\r\nhello world\n")) {
                String[] a = {"-m", mark, "-s", "127.0.0.1", "-p", Integer.toString(server.port()), "-u", "/"};
                assertThat(ours(a)).as(mark).isEqualTo(theirs(a)).isEqualTo(HttpGetCheckerTest.HELLO_MD5 + "\n");
            }
        }
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open()) {
            assertThat(ProbeSocketOptions.mark(ch)).isZero();
            ProbeSocketOptions.setMark(ch, 0xdead_beefL);
            assertThat(ProbeSocketOptions.mark(ch)).isEqualTo(0xdead_beefL);
        }
    }

    /** Runs a one-reply RawServer around a test body. */
    static final class RawServerFixture {
        interface Body {
            void run(int port);
        }

        static void withServer(String reply, Body body) {
            try (RawServer s = RawServer.replying(reply)) {
                body.run(s.port());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
