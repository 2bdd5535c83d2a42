package io.keepalivedj.examples.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void defaultsAreKeepalivedsDefaults() {
    CommandLine cl = CommandLine.parse();
    assertThat(cl.configFile()).isEqualTo(Path.of("/etc/keepalived/keepalived.conf"));
    assertThat(cl.configTest()).isFalse();
    assertThat(cl.configId()).isEmpty();
  }

  @Test
  void shortOptionsTakeTheNextWordOrAGluedValue() {
    assertThat(CommandLine.parse("-t", "-f", "a.conf").configFile()).isEqualTo(Path.of("a.conf"));
    assertThat(CommandLine.parse("-fb.conf").configFile()).isEqualTo(Path.of("b.conf"));
    assertThat(CommandLine.parse("-i", "lb1").configId()).contains("lb1");
    assertThat(CommandLine.parse("-ilb2").configId()).contains("lb2");
  }

  @Test
  void longOptionsTakeTheNextWordOrAValueAfterEquals() {
    CommandLine cl = CommandLine.parse("--use-file=c.conf", "--config-id", "x", "--dump-config");
    assertThat(cl.configFile()).isEqualTo(Path.of("c.conf"));
    assertThat(cl.configId()).contains("x");
    assertThat(cl.dumpConfig()).isTrue();
    assertThat(CommandLine.parse("--config-test=/tmp/log").configTestLog()).isEqualTo(Optional.of(Path.of("/tmp/log")));
  }

  @Test
  void keepalivedsOtherOptionsAreAcceptedAndKept() {
    CommandLine cl = CommandLine.parse("-n", "-l", "-D", "-P", "-p", "/run/k.pid", "--vrrp_pid=/run/v.pid");
    assertThat(cl.otherOptions()).containsExactly("-n", "-l", "-D", "-P", "-p=/run/k.pid", "--vrrp_pid=/run/v.pid");
  }

  @Test
  void unknownOptionsAndMissingValuesAreUsageErrors() {
    assertThatThrownBy(() -> CommandLine.parse("--frobnicate")).hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> CommandLine.parse("-f")).hasMessageContaining("needs a value");
  }
}
