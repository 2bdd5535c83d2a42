package io.keepalivedj.examples.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.testing.Netns;
import io.keepalivedj.testing.NetnsLab;
import io.keepalivedj.testing.NetnsTest;
import io.keepalivedj.testing.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/keepalivedj -t} against Debian's {@code keepalived -t}, both run in the same network
 * namespace with interfaces eth0 and eth1: on every sample configuration of Debian's keepalived
 * package the two must agree, accept or reject, and where keepalived rejects, ours must name a
 * file and line. The seed must pass.
 */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigTestParityTest {
  private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");
  private static final Pattern FILE_LINE = Pattern.compile("^\\S+:\\d+(:\\d+)?: (error|fatal): ", Pattern.MULTILINE);
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private NetnsLab lab;
  private Netns lb;
  private Path root;

  @BeforeAll
  void lab() {
    root = Path.of(System.getProperty("keepalivedj.project.root", "..")).toAbsolutePath().normalize();
    lab = NetnsLab.create();
    lb = lab.addNamespace("lb");
    lab.addVeth(lb, "eth0", lb, "eth1");
    lb.linkUp("eth0");
    lb.linkUp("eth1");
  }

  @AfterAll
  void close() {
    if (lab != null) {
      lab.close();
    }
  }

  Stream<Path> samples() throws IOException {
    assertThat(SAMPLES).as("Debian's keepalived package (bin/test installs it)").isDirectory();
    try (Stream<Path> s = Files.list(SAMPLES)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf"))
          .sorted().collect(Collectors.toList());
      assertThat(files).hasSizeGreaterThan(20);
      return files.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sameVerdictAsKeepalived(Path sample) {
    ProcessResult theirs = lb.exec(TIMEOUT, List.of("/usr/sbin/keepalived", "-t", "-f", sample.toString()));
    ProcessResult ours = lb.exec(TIMEOUT, List.of(root.resolve("bin/keepalivedj").toString(), "-t", "-f", sample.toString()));
    String both = "keepalived (exit " + theirs.exitCode() + "):\n" + theirs.stdout() + theirs.stderr()
        + "\nkeepalivedj (exit " + ours.exitCode() + "):\n" + ours.stdout() + ours.stderr();
    assertThat(ours.exitCode() == 0).as("same verdict on %s%n%s", sample, both).isEqualTo(theirs.exitCode() == 0);
    if (ours.exitCode() != 0) {
      assertThat(FILE_LINE.matcher(ours.stderr()).find()).as("a file:line diagnostic%n%s", both).isTrue();
    }
  }

  @Test
  void seedPassesWithItsInterfacePresent() {
    Path seed = root.resolve("lab/seed/keepalived.conf");
    ProcessResult ours = lb.exec(TIMEOUT, List.of(root.resolve("bin/keepalivedj").toString(), "-t", "-f", seed.toString()));
    assertThat(ours.exitCode()).as(ours.stderr()).isZero();
  }

  @Test
  void seedFailsNamingTheLineWhenItsInterfaceIsMissing() throws IOException {
    Path conf = lab.workDir().resolve("seed-eth9.conf");
    Files.writeString(conf, Files.readString(root.resolve("lab/seed/keepalived.conf")).replace("eth1", "eth9"));
    ProcessResult ours = lb.exec(TIMEOUT, List.of(root.resolve("bin/keepalivedj").toString(), "-t", "-f", conf.toString()));
    ProcessResult theirs = lb.exec(TIMEOUT, List.of("/usr/sbin/keepalived", "-t", "-f", conf.toString()));
    assertThat(theirs.exitCode()).isNotZero();
    assertThat(ours.exitCode()).isNotZero();
    // lab/seed/keepalived.conf: "interface eth1" is on line 8, the VIP's "dev eth1" on line 19.
    assertThat(ours.stderr()).contains(conf + ":8:").contains("eth9");
  }
}
