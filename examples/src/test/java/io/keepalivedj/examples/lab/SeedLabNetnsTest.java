package io.keepalivedj.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.check.FailureReason;
import io.keepalivedj.check.Health;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.testing.NetnsLab;
import io.keepalivedj.testing.NetnsTest;
import io.keepalivedj.testing.SeedTopology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

@NetnsTest
class SeedLabNetnsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("keepalivedj.project.root", "..")).toAbsolutePath().normalize();

  /** bin/lab seed's live part with delay_loop 1 s: UP, DOWN with the refusal as reason, UP, all from lb1. */
  @Test
  void theSeedsCheckersSeeRs2GoDownAndComeBack() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SeedLabOptions options = new SeedLabOptions(ROOT.resolve("lab/seed/keepalived.lab.conf"),
        Optional.of(Duration.ofSeconds(1)), WebServer.Kind.AUTO);

    SeedScenario.Result result = SeedScenario.run(options, new PrintStream(new Tee(printed, System.out), true,
        StandardCharsets.UTF_8));

    List<SeedScenario.Milestone> m = result.milestones();
    assertThat(m).extracting(SeedScenario.Milestone::health)
        .containsExactly(Health.UP, Health.UP, Health.DOWN, Health.UP);
    assertThat(m.subList(0, 2)).extracting(SeedScenario.Milestone::node).containsExactlyInAnyOrder("rs1", "rs2");
    assertThat(m.subList(2, 4)).extracting(SeedScenario.Milestone::node).containsExactly("rs2", "rs2");
    // A stopped server's address answers SYN with RST: refused; a timeout would also be a fair reason.
    FailureReason reason = m.get(2).reason().orElseThrow();
    assertThat(reason).isInstanceOfAny(FailureReason.ConnectionRefused.class, FailureReason.ConnectTimeout.class);
    assertThat(String.valueOf(printed.toString(StandardCharsets.UTF_8)))
        .contains("rs2 192.0.2.6:80 DOWN: " + reason.message())
        .contains("keepalived's bound 14 s = delay_loop 1 s + connect_timeout 5 s x 2 + delay_before_retry 3 s x 1");
    assertThat(result.downBound()).isEqualTo(Duration.ofSeconds(14));
    assertThat(m.get(2).at()).isAfter(m.get(1).at());
    assertThat(m.get(3).at()).isAfter(m.get(2).at());
    // The checks left from lb1's namespace, nowhere else.
    assertThat(result.checkSources()).containsExactly("192.0.2.2");
    assertThat(namespaces()).noneMatch(n -> n.startsWith(result.labPrefix() + "-"));
  }

  /** The fallback web server, for hosts without python3: serves from inside its namespace only. */
  @Test
  void tinyHttpServerAnswersOnItsAddressAndStopsCleanly() throws Exception {
    try (NetnsLab lab = NetnsLab.create()) {
      SeedTopology seed = lab.seedTopology();
      SeedTopology.Node rs1 = seed.rs1();
      InetAddress ip = rs1.ipv4().address();
      WebServer web = WebServer.start(rs1.netns(), ip, 80, WebServer.docroot(lab.workDir().resolve("www"), "rs1", ip),
          WebServer.Kind.JAVA);
      NetworkNamespace client = NetworkNamespace.named(seed.client().netns().name());

      String response = client.call(() -> get(ip));

      assertThat(response).startsWith("HTTP/1.1 200 ").contains("<h1>rs1 192.0.2.5</h1>");
      assertThat(web.clients()).isEqualTo(Set.of("192.0.2.10"));
      web.stop();
      assertThatThrownBy(() -> client.call(() -> get(ip))).isInstanceOf(java.net.ConnectException.class);
    }
  }

  private static String get(InetAddress ip) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, 80), 2000);
      s.setSoTimeout(2000);
      s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      try (InputStream in = s.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
    }
  }

  private static List<String> namespaces() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().map(l -> l.trim().split("\\s+")[0]).toList();
  }

  /** Keeps what the scenario prints for the asserts and shows it in the test log. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }
}
