package io.keepalivedj.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.CheckPlan;
import io.keepalivedj.check.CheckOptions;
import io.keepalivedj.config.ConfigParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedLabOptionsTest {
  @Test
  void defaultsRunTheFilesOwnTimingsWithAnyWebServer() {
    SeedLabOptions o = SeedLabOptions.parse("--config", "lab/seed/keepalived.lab.conf");
    assertThat(o).isEqualTo(new SeedLabOptions(Path.of("lab/seed/keepalived.lab.conf"), Optional.empty(),
        WebServer.Kind.AUTO));
  }

  @Test
  void delayLoopTakesSecondsAsKeepalivedWritesThem() {
    SeedLabOptions o = SeedLabOptions.parse("--delay-loop", "1.5", "--config", "x.conf", "--web-server", "JAVA");
    assertThat(o.delayLoop()).contains(Duration.ofMillis(1500));
    assertThat(o.webServer()).isEqualTo(WebServer.Kind.JAVA);
  }

  @Test
  void badCommandLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> SeedLabOptions.parse()).hasMessage("--config FILE is required");
    assertThatThrownBy(() -> SeedLabOptions.parse("--config")).hasMessage("--config needs a value");
    assertThatThrownBy(() -> SeedLabOptions.parse("--config", "x", "--delay-loop", "0"))
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> SeedLabOptions.parse("--config", "x", "--delay-loop", "1.0001"))
        .hasMessageContaining("at most 3 decimals");
    assertThatThrownBy(() -> SeedLabOptions.parse("--config", "x", "--web-server", "nginx"))
        .hasMessageContaining("auto, python3 or java");
    assertThatThrownBy(() -> SeedLabOptions.parse("--config", "x", "--fast")).hasMessage("unknown argument '--fast'");
  }

  /** The override acts on the model, so what follows delay_loop (warmup here) follows it too. */
  @Test
  void theDelayLoopOverrideFlowsThroughTheInheritance() throws Exception {
    Path root = Path.of(System.getProperty("keepalivedj.project.root", "..")).toAbsolutePath().normalize();
    var config = ConfigParser.parse(root.resolve("lab/seed/keepalived.lab.conf"));

    CheckPlan plan = CheckPlan.of(SeedScenario.withDelayLoop(config, Optional.of(Duration.ofSeconds(1))));

    assertThat(plan.checks()).extracting(c -> c.spec().options()).containsOnly(new CheckOptions(
        Duration.ofSeconds(5), 1, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1), false, false));
    assertThat(SeedScenario.withDelayLoop(config, Optional.empty())).isSameAs(config);
  }
}
