package io.keepalivedj.config.model;

import static io.keepalivedj.config.model.VirtualServerModelTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckerModelTest {
  private static final SourcePosition P = SourcePosition.NONE;

  @Test
  void httpGetNeedsAUrlAndTlsCompliantIsSslGetsOnly() {
    assertThatThrownBy(() -> HttpGetChecker.builder().build()).hasMessageContaining("url");
    UrlConfig url = UrlConfig.of("/");
    assertThatThrownBy(() -> HttpGetChecker.builder().url(url).tlsCompliant(true).build()).hasMessageContaining("SSL_GET");
    HttpGetChecker ssl = HttpGetChecker.builder().sslGet(true).url(url).tlsCompliant(true).sniName("x").build();
    assertThat(ssl.keyword()).isEqualTo("SSL_GET");
    assertThat(ssl.enableSni()).isTrue();
    assertThat(ssl.defaultDelayBeforeRetry()).contains(Duration.ofSeconds(3));
  }

  @Test
  void urlDefaultsAndChecks() {
    UrlConfig u = UrlConfig.of("/");
    assertThat(u.statusCode()).containsExactly(new UrlConfig.StatusCodeRange(200, 299));
    assertThat(u.accepts(299)).isTrue();
    assertThat(u.accepts(300)).isFalse();
    assertThat(new UrlConfig.StatusCodeRange(500, 502).toString()).isEqualTo("500-502");
    assertThatThrownBy(() -> new UrlConfig.StatusCodeRange(99, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UrlConfig.StatusCodeRange(300, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UrlConfig.builder("/").digest("ABC").build()).hasMessageContaining("digest");
    assertThatThrownBy(() -> UrlConfig.builder("/").regexNoMatch(true).build()).hasMessageContaining("without a regex");
    assertThatThrownBy(() -> UrlConfig.builder("/").regex("x").regexOption("nonsense").build())
        .hasMessageContaining("regex option");
    assertThatThrownBy(() -> UrlConfig.builder("/").regex("x").regexMinOffset(5).regexMaxOffset(4).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UrlConfig.of("")).hasMessageContaining("path");
  }

  @Test
  void commonOptionLimits() {
    assertThatThrownBy(() -> CheckerCommon.builder().connectPort(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CheckerCommon.builder().bindIf("abcdefghijklmnop").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CheckerCommon.builder().connectIp(ip("192.0.2.1")).bindto(ip("2001:db8::1")).build())
        .hasMessageContaining("families");
    assertThat(CheckerCommon.DEFAULTS.hasConnectionOptions()).isFalse();
    assertThat(CheckerCommon.builder().fwmark(3).build().hasConnectionOptions()).isTrue();
  }

  @Test
  void perTypeDefaults() {
    Script s = Script.of("/bin/true");
    MiscChecker misc = new MiscChecker(s, Optional.empty(), false, Optional.empty(), Optional.empty(), CheckerCommon.DEFAULTS, P);
    assertThat(misc.defaultRetry()).isZero();
    assertThatThrownBy(() -> new MiscChecker(s, Optional.empty(), false, Optional.empty(), Optional.empty(),
        CheckerCommon.builder().connectPort(80).build(), P)).hasMessageContaining("no connection options");
    assertThatThrownBy(() -> new MiscChecker(s, Optional.of(Duration.ofSeconds(4295)), false, Optional.empty(),
        Optional.empty(), CheckerCommon.DEFAULTS, P)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new TcpChecker(CheckerCommon.DEFAULTS, P).defaultDelayBeforeRetry()).contains(Duration.ofSeconds(1));
    assertThatThrownBy(() -> new DnsChecker(CheckerCommon.DEFAULTS, DnsChecker.QueryType.A, ".com", P))
        .hasMessageContaining("empty label");
    assertThat(DnsChecker.QueryType.AAAA.code()).isEqualTo(28);
    assertThatThrownBy(() -> new UdpChecker(CheckerCommon.DEFAULTS, Optional.of("abc"), false, Optional.empty(), 0, 255, P))
        .hasMessageContaining("payload");
    assertThatThrownBy(() -> new UdpChecker(CheckerCommon.DEFAULTS, Optional.empty(), false, Optional.of("0a"), 0, 255, P))
        .hasMessageContaining("require_reply");
    assertThatThrownBy(() -> new FileChecker("tf", Optional.empty(), true, false, P)).hasMessageContaining("reverse");
    assertThatThrownBy(() -> new FileChecker("tf", Optional.of(Integer.MIN_VALUE), false, false, P))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SmtpChecker(CheckerCommon.DEFAULTS, SmtpChecker.DEFAULT_HELO_NAME, List.of(), P).keyword())
        .isEqualTo("SMTP_CHECK");
  }

  /** Every permitted checker type has a distinct keyword, so a dump names the block it came from. */
  @Test
  void everyPermittedCheckerIsARecord() {
    for (Class<?> c : CheckerConfig.class.getPermittedSubclasses()) {
      assertThat(c.isRecord()).as(c.getName()).isTrue();
      assertThat(c.getRecordComponents()[c.getRecordComponents().length - 1].getName()).as(c.getName()).isEqualTo("position");
    }
  }
}
