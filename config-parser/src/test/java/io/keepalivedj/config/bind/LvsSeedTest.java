package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.LvsTestSupport.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.KeepalivedConfig;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.CheckerCommon;
import io.keepalivedj.config.model.HttpGetChecker;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsProtocol;
import io.keepalivedj.config.model.LvsScheduler;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.UrlConfig;
import io.keepalivedj.config.model.VirtualServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reference scenario's virtual server binds to exactly the values the seed writes, every
 * other field at keepalived's default.
 */
class LvsSeedTest {

  private static String seed() throws IOException {
    try (InputStream in = LvsSeedTest.class.getResourceAsStream("/lvs/seed-keepalived.conf")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SourcePosition at(int line, int column) {
    return SourcePosition.of("t.conf", line, column);
  }

  /** The seed's virtual server written with the builders: only what the file says is set. */
  private static VirtualServer expected() {
    return VirtualServer.builder(ip("10.0.0.1"), 80)
        .delayLoop(Duration.ofSeconds(10))
        .lvsSched(LvsScheduler.RR)
        .lvsMethod(LvsMethod.DR)
        .protocol(LvsProtocol.TCP)
        .realServer(realServer("10.0.0.5", 28))
        .realServer(realServer("10.0.0.6", 38))
        .position(at(23, 1))
        .build();
  }

  private static RealServer realServer(String address, int line) {
    return RealServer.builder(ip(address), 80)
        .weight(1)
        .checker(HttpGetChecker.builder()
            .common(CheckerCommon.builder().connectTimeout(Duration.ofSeconds(5)).build())
            .url(UrlConfig.builder("/").statusCode(200).position(at(line + 3, 7)).build())
            .position(at(line + 2, 5))
            .build())
        .position(at(line, 3))
        .build();
  }

  @Test
  void seedBindsToItsValuesAndKeepalivedDefaults() throws IOException {
    LvsTestSupport.Bound b = LvsTestSupport.bind(seed()).clean();
    assertThat(b.lvs()).isEqualTo(new LvsConfig(Optional.empty(), List.of(), List.of(expected())));
  }

  @Test
  void defaultsAreKeepalivedsWhereTheSeedIsSilent() throws IOException {
    VirtualServer vs = LvsTestSupport.bind(seed()).vs();
    assertThat(vs.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(vs.quorum()).isEqualTo(1);
    assertThat(vs.hysteresis()).isZero();
    assertThat(vs.weight()).isEqualTo(1);
    assertThat(vs.persistenceTimeout()).isEmpty();
    assertThat(vs.sorryServer()).isEmpty();
    HttpGetChecker check = (HttpGetChecker) vs.realServers().get(0).checkers().get(0);
    assertThat(check.httpProtocol().keyword()).isEqualTo("1.0");
    assertThat(check.defaultRetry()).isEqualTo(1);
    assertThat(check.defaultDelayBeforeRetry()).contains(Duration.ofSeconds(3));
    assertThat(check.url().get(0).accepts(200)).isTrue();
    assertThat(check.url().get(0).accepts(204)).isFalse();
  }

  @Test
  void wholeParserGivesTheSameLvsModel() throws Exception {
    // End to end: reader, every binder, and the file name the parser uses for text.
    KeepalivedConfig config = ConfigParser.check(seed(), "t.conf", java.nio.file.Path.of("."),
        LvsTestSupport.OPTIONS).config();
    assertThat(config.lvs().virtualServers()).containsExactly(expected());
  }
}
