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
        assertThat(Genhash.run(new String[] {"-v", "-s", "127.0.0.1", "-p", "443", "-u", "/"}, ps, ps)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: genhash").contains("-v is not supported yet");
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
