package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.LinuxException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP_CHECK against a scripted loopback SMTP server, PING_CHECK, FILE_CHECK. */
class SmtpPingFileCheckersTest {

    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final Duration TIMEOUT = Duration.ofMillis(300);

    NioEventLoop loop;
    final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        loop = new NioEventLoop("smtp-ping-file-test");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        loop.close();
    }

    AttemptOutcome run(CheckSpec spec) throws Exception {
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        new NetworkCheckRunner(loop).start(spec, f::complete);
        // A guard against a hung test, not a speed assertion.
        return f.get(30, TimeUnit.SECONDS);
    }

    static FailureReason reason(AttemptOutcome o) {
        assertThat(o).isInstanceOf(AttemptOutcome.Failure.class);
        return ((AttemptOutcome.Failure) o).reason();
    }

    /** One-connection-at-a-time SMTP server: greeting, then {@code heloReply} to the first line. */
    final class SmtpServer {
        final ServerSocket server;
        final List<String> lines = new CopyOnWriteArrayList<>();

        SmtpServer(String greeting, String heloReply) throws Exception {
            server = new ServerSocket(0, 10, LO);
            closeables.add(server);
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        OutputStream out = s.getOutputStream();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        String line;
                        while ((line = in.readLine()) != null) {
                            lines.add(line);
                            out.write((line.startsWith("QUIT") ? "221 bye\r\n" : heloReply).getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (Exception e) {
                        // Closed, or the checker hung up: the assertions cover it.
                    }
                }
            }, "smtp-server");
            t.setDaemon(true);
            t.start();
        }

        SmtpCheck check(String helo) {
            return SmtpCheck.of(CheckTarget.of(LO, server.getLocalPort()), helo)
                    .withOptions(CheckOptions.defaults(CheckType.SMTP_CHECK).withConnectTimeout(TIMEOUT));
        }
    }

    @Test
    void smtpDialogueWithMultiLineReplies() throws Exception {
        SmtpServer smtp = new SmtpServer("220-mx.example.test ESMTP\r\n220 ready\r\n", "250-mx.example.test\r\n250 PIPELINING\r\n");
        assertThat(run(smtp.check("lb1.example.test"))).isInstanceOf(AttemptOutcome.Success.class);
        // The server saw HELO then QUIT (read after our success, so wait for it).
        for (int i = 0; i < 300 && smtp.lines.size() < 2; i++) {
            Thread.sleep(10);
        }
        assertThat(smtp.lines).containsExactly("HELO lb1.example.test", "QUIT");
    }

    @Test
    void smtpWrongCodesNameTheStage() throws Exception {
        SmtpServer busy = new SmtpServer("554 no service\r\n", "250 ok\r\n");
        assertThat(reason(run(busy.check("lb1")))).isEqualTo(new FailureReason.SmtpReply("greeting", 220, "554 no service"));
        SmtpServer picky = new SmtpServer("220 hi\r\n", "550 who are you\r\n");
        assertThat(reason(run(picky.check("lb1"))).message()).isEqualTo("SMTP HELO: expected 250, got '550 who are you'");
        SmtpServer http = new SmtpServer("HTTP/1.0 400 Bad\r\n", "");
        assertThat(reason(run(http.check("lb1")))).isInstanceOf(FailureReason.MalformedResponse.class);
    }

    @Test
    void smtpSilenceAndRefusal() throws Exception {
        SmtpServer mute = new SmtpServer("", "");
        assertThat(reason(run(mute.check("lb1")))).isEqualTo(new FailureReason.ReadTimeout(TIMEOUT));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        assertThat(reason(run(SmtpCheck.of(CheckTarget.of(LO, port), "lb1")))).isEqualTo(new FailureReason.ConnectionRefused());
    }

    @Test
    void smtpSpecValidation() {
        assertThat(SmtpCheck.localHostName()).isNotBlank();
        assertThatThrownBy(() -> SmtpCheck.of(CheckTarget.of(LO, 25), "a\r\nRCPT TO:<x>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpCheck.of(CheckTarget.of(LO, 0), "lb1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pingSendRefusalsMapToReasons() {
        assertThat(PingChecker.sendFailure(new LinuxException(113, "sendto(x)")).message())
                .isEqualTo("host unreachable (sendto: EHOSTUNREACH)");
        assertThat(PingChecker.sendFailure(new LinuxException(101, "sendto(x)")))
                .isEqualTo(new FailureReason.Unreachable("network unreachable", "sendto: ENETUNREACH"));
        assertThat(PingChecker.sendFailure(new LinuxException(1, "sendto(x)")).message())
                .isEqualTo("network error: sendto(x): EPERM (1)");
        assertThat(PingChecker.sendFailure(new java.nio.channels.ClosedChannelException()).kind()).isEqualTo("network_error");
    }

    FileCheck file(String content, int weight) throws Exception {
        Path f = Files.writeString(Files.createTempFile(tmp, "track", ""), content);
        return FileCheck.of(CheckTarget.of(LO, 80), f, weight);
    }

    @Test
    void fileWeightZeroMeansNonZeroFails() throws Exception {
        assertThat(run(file("0\n", 0))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(run(file("  3 trailing words\n", 0)))).isEqualTo(new FailureReason.TrackFileValue(3, 3));
        assertThat(reason(run(file("-1", 0)))).isEqualTo(new FailureReason.TrackFileValue(-1, -1));
    }

    @Test
    void fileValueTimesWeightFaultsAtTheBottomOfTheRange() throws Exception {
        assertThat(run(file("5", 2))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(run(file("-5", 2))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(run(file("-2147483648", 1)))).isEqualTo(new FailureReason.TrackFileValue(-2147483648L, -2147483648L));
        assertThat(reason(run(file("1073741824", -2)))).isEqualTo(new FailureReason.TrackFileValue(1073741824L, -2147483648L));
        assertThat(run(file("1073741824", -2).withReverse(true))).isInstanceOf(AttemptOutcome.Success.class);
        // Values are limited to 32 bits first: 99999999999 reads as 2147483647, × -1 stays above the bottom.
        assertThat(run(file("99999999999", -1))).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(reason(run(file("-99999999999", 1)))).isEqualTo(new FailureReason.TrackFileValue(-99999999999L, -2147483648L));
    }

    @Test
    void unreadableFilesFail() throws Exception {
        FileCheck missing = FileCheck.of(CheckTarget.of(LO, 80), tmp.resolve("nope"), 0);
        assertThat(reason(run(missing))).isInstanceOf(FailureReason.TrackFileUnreadable.class);
        assertThat(reason(run(file("up\n", 0))).message()).endsWith(": no number");
        assertThat(CheckOptions.defaults(CheckType.FILE_CHECK).retry()).isZero();
        assertThat(Optional.of(missing).map(CheckSpec::type)).contains(CheckType.FILE_CHECK);
    }
}
