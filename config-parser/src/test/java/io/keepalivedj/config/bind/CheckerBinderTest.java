package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.LvsTestSupport.bind;
import static io.keepalivedj.config.bind.LvsTestSupport.ip;
import static io.keepalivedj.config.bind.LvsTestSupport.withRealServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.model.BfdChecker;
import io.keepalivedj.config.model.CheckerCommon;
import io.keepalivedj.config.model.CheckerConfig;
import io.keepalivedj.config.model.DnsChecker;
import io.keepalivedj.config.model.FileChecker;
import io.keepalivedj.config.model.HttpGetChecker;
import io.keepalivedj.config.model.HttpProtocol;
import io.keepalivedj.config.model.MiscChecker;
import io.keepalivedj.config.model.PingChecker;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.model.SmtpChecker;
import io.keepalivedj.config.model.TcpChecker;
import io.keepalivedj.config.model.UdpChecker;
import io.keepalivedj.config.model.UrlConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checker blocks start on line 6 of {@link LvsTestSupport#withRealServer}; their keywords on line 7. */
class CheckerBinderTest {

  private static List<CheckerConfig> checkers(LvsTestSupport.Bound b) {
    return b.rs().checkers();
  }

  private static CheckerConfig only(LvsTestSupport.Bound b) {
    assertThat(checkers(b)).hasSize(1);
    return checkers(b).get(0);
  }

  @Test
  void httpGetWithEveryKeyword() {
    HttpGetChecker c = (HttpGetChecker) only(bind(withRealServer("    HTTP_GET {\n"
        + "      connect_ip 192.0.2.50\n"
        + "      connect_port 8080\n"
        + "      bindto 192.0.2.2\n"
        + "      bind_port 4000\n"
        + "      bind_if eth0\n"
        + "      connect_timeout 2\n"
        + "      fwmark 9\n"
        + "      retry 0\n"
        + "      delay_before_retry 0.25\n"
        + "      warmup 3\n"
        + "      delay_loop 6\n"
        + "      alpha no\n"
        + "      log_all_failures\n"
        + "      virtualhost app.example.com\n"
        + "      http_protocol 1.0C\n"
        + "      enable_sni\n"
        + "      fast_recovery\n"
        + "      url {\n"
        + "        path /health\n"
        + "        digest 9B3A0C85A887A256D6939DA88AABD8CD\n"
        + "        status_code 200-299 404 500-502\n"
        + "        virtualhost u.example.com\n"
        + "        regex \"^ok$\"\n"
        + "        regex_no_match\n"
        + "        regex_options caseless multiline\n"
        + "        regex_min_offset 2\n"
        + "        regex_max_offset 9\n"
        + "        regex_stack 32768 65536\n"
        + "      }\n"
        + "      url {\n"
        + "        path /\n"
        + "      }\n"
        + "    }")).clean());
    assertThat(c.keyword()).isEqualTo("HTTP_GET");
    assertThat(c.common()).isEqualTo(CheckerCommon.builder().connectIp(ip("192.0.2.50")).connectPort(8080)
        .bindto(ip("192.0.2.2")).bindPort(4000).bindIf("eth0").connectTimeout(Duration.ofSeconds(2)).fwmark(9)
        .retry(0).delayBeforeRetry(Duration.ofMillis(250)).warmup(Duration.ofSeconds(3)).delayLoop(Duration.ofSeconds(6))
        .alpha(false).logAllFailures(true).build());
    assertThat(c.virtualhost()).contains("app.example.com");
    assertThat(c.httpProtocol()).isEqualTo(HttpProtocol.HTTP_1_0C);
    assertThat(c.enableSni() && c.fastRecovery()).isTrue();
    assertThat(c.url()).hasSize(2);
    UrlConfig u = c.url().get(0);
    assertThat(u.path()).isEqualTo("/health");
    assertThat(u.digest()).contains("9b3a0c85a887a256d6939da88aabd8cd");
    assertThat(u.statusCode()).containsExactly(new UrlConfig.StatusCodeRange(200, 299), UrlConfig.StatusCodeRange.of(404),
        new UrlConfig.StatusCodeRange(500, 502));
    assertThat(u.virtualhost()).contains("u.example.com");
    assertThat(u.regex()).contains("^ok$");
    assertThat(u.regexNoMatch()).isTrue();
    assertThat(u.regexOptions()).containsExactly("caseless", "multiline");
    assertThat(u.regexMinOffset()).contains(2L);
    assertThat(u.regexMaxOffset()).contains(9L);
    assertThat(u.regexStack()).contains(new UrlConfig.RegexStack(32768, 65536));
    assertThat(c.url().get(1).statusCode()).isEqualTo(UrlConfig.DEFAULT_STATUS_CODES);
  }

  @Test
  void sslGetTakesSniNameAndTlsCompliant() {
    HttpGetChecker c = (HttpGetChecker) only(bind(withRealServer("    SSL_GET {\n      sni_name tls.example.com\n"
        + "      tls_compliant\n      url {\n        path /\n        tls_compliant\n      }\n    }")).clean());
    assertThat(c.keyword()).isEqualTo("SSL_GET");
    assertThat(c.sniName()).contains("tls.example.com");
    assertThat(c.enableSni() && c.tlsCompliant() && c.url().get(0).tlsCompliant()).isTrue();
    // tls_compliant is SSL_GET's only.
    bind(withRealServer("    HTTP_GET {\n      tls_compliant\n      url {\n        path /\n      }\n    }"))
        .onlyError(7, 7, "unknown keyword in HTTP_GET");
  }

  @Test
  void statusCodeOutOfRangeOrMalformedIsAnErrorAtEachToken() {
    LvsTestSupport.Bound b = bind(withRealServer("    HTTP_GET {\n      url {\n        path /\n"
        + "        status_code 200 999 300-200 abc 99-200 404\n      }\n    }"));
    b.hasError(9, 25, "invalid HTTP status code").hasError(9, 29, "invalid HTTP status code")
        .hasError(9, 37, "invalid HTTP status code").hasError(9, 41, "invalid HTTP status code");
    assertThat(b.errors()).hasSize(4);
    HttpGetChecker c = (HttpGetChecker) only(b);
    assertThat(c.url().get(0).statusCode()).containsExactly(UrlConfig.StatusCodeRange.of(200), UrlConfig.StatusCodeRange.of(404));
  }

  @Test
  void urlProblems() {
    bind(withRealServer("    HTTP_GET {\n      url {\n        digest abc\n      }\n    }"))
        .hasError(8, 16, "digest must be 32 hex digits").hasError(7, 7, "url has no path")
        .hasError(6, 5, "HTTP_GET checker has no url");
    bind(withRealServer("    HTTP_GET {\n      url {\n        path /\n        digest 9b3a0c85a887a256d6939da88aabd8cz\n"
        + "      }\n    }")).onlyError(9, 16, "not hexadecimal");
    LvsTestSupport.Bound w = bind(withRealServer("    HTTP_GET {\n      url {\n        path /\n        regex_no_match\n"
        + "      }\n    }"));
    assertThat(w.errors()).isEmpty();
    assertThat(w.warnings()).singleElement().satisfies(d -> {
      assertThat(d.position().line()).isEqualTo(9);
      assertThat(d.message()).contains("without regex");
    });
    assertThat(((HttpGetChecker) only(w)).url().get(0).regexNoMatch()).isFalse();
  }

  @Test
  void nbGetRetryIsDeprecatedButApplied() {
    HttpGetChecker c = (HttpGetChecker) only(bind(withRealServer("    HTTP_GET {\n      nb_get_retry 4\n"
        + "      url {\n        path /\n      }\n    }")).onlyError(7, 7, "nb_get_retry is deprecated"));
    assertThat(c.common().retry()).contains(4L);
  }

  @Test
  void invalidHttpProtocolIsAnError() {
    HttpGetChecker c = (HttpGetChecker) only(bind(withRealServer("    HTTP_GET {\n      http_protocol 2\n"
        + "      url {\n        path /\n      }\n    }")).onlyError(7, 21, "invalid http_protocol"));
    assertThat(c.httpProtocol()).isEqualTo(HttpProtocol.HTTP_1_0);
  }

  @Test
  void bindIfIsCheckedAgainstTheHostsInterfacesWhenAsked() {
    String text = withRealServer("    TCP_CHECK {\n      bind_if eth9\n    }");
    LvsTestSupport.Bound b = LvsTestSupport.bind(text, LvsTestSupport.OPTIONS.withInterfaceCheck("eth0"::equals),
        io.keepalivedj.config.model.VrrpConfig.empty());
    b.onlyError(7, 15, "interface eth9 for bind_if doesn't exist");
    bind(text).clean();
    bind(withRealServer("    TCP_CHECK {\n      bind_if abcdefghijklmnop\n    }")).onlyError(7, 15, "too long");
  }

  @Test
  void linkLocalTargetWithoutBindIfDropsTheChecker() {
    String text = "virtual_server 2001:db8::1 80 {\n  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n"
        + "  real_server 2001:db8::5 80 {\n    TCP_CHECK {\n      connect_ip fe80::1\n    }\n  }\n}\n";
    LvsTestSupport.Bound b = bind(text).onlyError(6, 5, "requires a bind_if");
    assertThat(b.rs().checkers()).isEmpty();
    assertThat(bind(text.replace("connect_ip fe80::1", "connect_ip fe80::1\n      bind_if eth0")).clean().rs().checkers())
        .hasSize(1);
  }

  @Test
  void badConnectionValuesAreErrors() {
    bind(withRealServer("    TCP_CHECK {\n      connect_port 0\n    }")).onlyError(7, 20, "outside range");
    bind(withRealServer("    TCP_CHECK {\n      connect_ip 192.0.2.300\n    }")).onlyError(7, 18, "invalid IP address");
    bind(withRealServer("    TCP_CHECK {\n      bindto 192.0.2.2\n      connect_ip 2001:db8::9\n    }"))
        .onlyError(8, 18, "does not match the address family");
  }

  @Test
  void miscCheck() {
    MiscChecker c = (MiscChecker) only(bind(withRealServer("    MISC_CHECK {\n      misc_path \"/bin/check 'a b'\"\n"
        + "      misc_timeout 5\n      misc_dynamic\n      user nobody nogroup\n      retry 2\n    }")).clean());
    assertThat(c.miscPath().argv()).containsExactly("/bin/check", "a b");
    assertThat(c.miscTimeout()).contains(Duration.ofSeconds(5));
    assertThat(c.miscDynamic()).isTrue();
    assertThat(c.user()).contains("nobody");
    assertThat(c.group()).contains("nogroup");
    assertThat(c.common().retry()).contains(2L);
    assertThat(c.defaultRetry()).isZero();
    // MISC_CHECK has no connection options, and needs a path.
    bind(withRealServer("    MISC_CHECK {\n      misc_path /bin/true\n      connect_timeout 5\n    }"))
        .onlyError(8, 7, "unknown keyword in MISC_CHECK");
    assertThat(checkers(bind(withRealServer("    MISC_CHECK {\n      misc_timeout 5\n    }"))
        .onlyError(6, 5, "has no misc_path"))).isEmpty();
  }

  @Test
  void smtpCheckWithLegacyHost() {
    SmtpChecker c = (SmtpChecker) only(bind(withRealServer("    SMTP_CHECK {\n      helo_name lb.example.com\n"
        + "      host {\n        connect_ip 192.0.2.25\n        connect_port 25\n        retry 5\n      }\n    }")));
    assertThat(c.heloName()).isEqualTo("lb.example.com");
    assertThat(c.host()).singleElement().satisfies(h -> {
      assertThat(h.connectIp()).contains(ip("192.0.2.25"));
      assertThat(h.connectPort()).contains(25);
    });
    // Timing options inside host set the checker's, as in keepalived.
    assertThat(c.common().retry()).contains(5L);
    SmtpChecker plain = (SmtpChecker) only(bind(withRealServer("    SMTP_CHECK {\n    }")).clean());
    assertThat(plain.heloName()).isEqualTo(SmtpChecker.DEFAULT_HELO_NAME);
  }

  @Test
  void dnsCheck() {
    DnsChecker c = (DnsChecker) only(bind(withRealServer("    DNS_CHECK {\n      type aaaa\n      name example.com.\n"
        + "    }")).clean());
    assertThat(c.type()).isEqualTo(DnsChecker.QueryType.AAAA);
    assertThat(c.name()).isEqualTo("example.com.");
    DnsChecker d = (DnsChecker) only(bind(withRealServer("    DNS_CHECK {\n    }")).clean());
    assertThat(d.type()).isEqualTo(DnsChecker.QueryType.SOA);
    assertThat(d.name()).isEqualTo(".");
    assertThat(d.defaultRetry()).isEqualTo(3);
    assertThat(d.defaultDelayBeforeRetry()).isEmpty();
    bind(withRealServer("    DNS_CHECK {\n      type PTR\n    }")).onlyError(7, 12, "unknown DNS_CHECK type");
    bind(withRealServer("    DNS_CHECK {\n      name a..b\n    }")).onlyError(7, 12, "empty label");
  }

  @Test
  void udpCheck() {
    UdpChecker c = (UdpChecker) only(bind(withRealServer("    UDP_CHECK {\n      payload 0a 1B c\n"
        + "      require_reply 0a x1\n      min_reply_length 2\n      max_reply_length 512\n    }")).clean());
    assertThat(c.payload()).contains("0a1b0c");
    assertThat(c.requireReply()).isTrue();
    assertThat(c.requireReplyData()).contains("0ax1");
    assertThat(c.minReplyLength()).isEqualTo(2);
    assertThat(c.maxReplyLength()).isEqualTo(512);
    bind(withRealServer("    UDP_CHECK {\n      payload 0a zz\n    }")).onlyError(7, 15, "invalid hex string");
    bind(withRealServer("    UDP_CHECK {\n      min_reply_length 300\n    }")).onlyError(7, 7, "will always fail");
  }

  @Test
  void pingCheck() {
    PingChecker c = (PingChecker) only(bind(withRealServer("    PING_CHECK {\n      retry 3\n    }")).clean());
    assertThat(c.common().retry()).contains(3L);
  }

  @Test
  void fileCheckNeedsADefinedTrackFile() {
    String tf = "track_file tf {\n  file /run/weight\n}\n";
    FileChecker c = (FileChecker) only(bind(withRealServer("    FILE_CHECK {\n      track_file tf\n"
        + "      weight -5 reverse\n    }") + tf).clean());
    assertThat(c.trackFile()).isEqualTo("tf");
    assertThat(c.weight()).contains(-5);
    assertThat(c.reverse()).isTrue();
    LvsTestSupport.Bound missing = bind(withRealServer("    FILE_CHECK {\n      track_file nope\n    }"))
        .hasError(7, 18, "track_file nope not found").hasError(6, 5, "has no track_file");
    assertThat(missing.errors()).hasSize(2);
    assertThat(missing.rs().checkers()).isEmpty();
    bind(withRealServer("    FILE_CHECK {\n      track_file tf\n      weight 1 sideways\n    }") + tf)
        .onlyError(8, 16, "unknown track file weight option");
    FileChecker dyn = (FileChecker) only(bind(withRealServer("    FILE_CHECK {\n      track_file tf\n      dynamic\n    }") + tf)
        .onlyError(8, 7, "not implemented by keepalived"));
    assertThat(dyn.dynamic()).isTrue();
  }

  @Test
  void bfdCheckNeedsADefinedBfdInstance() {
    String bfd = "bfd_instance b1 {\n  neighbor_ip 192.0.2.9\n}\n";
    BfdChecker c = (BfdChecker) only(bind(withRealServer("    BFD_CHECK {\n      name b1\n      alpha\n    }") + bfd).clean());
    assertThat(c.name()).isEqualTo("b1");
    assertThat(c.alpha()).contains(true);
    bind(withRealServer("    BFD_CHECK {\n      name b2\n    }") + bfd).hasError(7, 12, "BFD b2 not configured");
    bind(withRealServer("    BFD_CHECK {\n      name b1\n    }\n    BFD_CHECK {\n      name b1\n    }") + bfd)
        .hasError(10, 12, "already monitors BFD b1");
  }

  @Test
  void unknownKeywordInEveryCheckerBlock() {
    String[][] blocks = {
        {"HTTP_GET", "      url {\n        path /\n      }\n"}, {"SSL_GET", "      url {\n        path /\n      }\n"},
        {"TCP_CHECK", ""}, {"MISC_CHECK", "      misc_path /bin/true\n"}, {"SMTP_CHECK", ""}, {"DNS_CHECK", ""},
        {"UDP_CHECK", ""}, {"PING_CHECK", ""}};
    for (String[] b : blocks) {
      bind(withRealServer("    " + b[0] + " {\n      bogus 1\n" + b[1] + "    }"))
          .onlyError(7, 7, "unknown keyword in " + b[0]);
    }
    bind(withRealServer("    HTTP_GET {\n      url {\n        path /\n        bogus\n      }\n    }"))
        .onlyError(9, 9, "unknown keyword in url");
    bind(withRealServer("    SMTP_CHECK {\n      host {\n        bogus\n      }\n    }"))
        .hasError(8, 9, "unknown keyword in SMTP_CHECK host");
    bind(withRealServer("    FILE_CHECK {\n      bogus\n    }")).hasError(7, 7, "unknown keyword in FILE_CHECK");
    bind(withRealServer("    BFD_CHECK {\n      bogus\n    }")).hasError(7, 7, "unknown keyword in BFD_CHECK");
  }

  /** Every permitted checker record is produced by some checker block: no subtype goes unbound. */
  @Test
  void everyCheckerTypeIsBound() {
    LvsTestSupport.Bound b = bind(withRealServer(
        "    HTTP_GET {\n      url {\n        path /\n      }\n    }\n"
        + "    TCP_CHECK {\n    }\n    MISC_CHECK {\n      misc_path /bin/true\n    }\n    SMTP_CHECK {\n    }\n"
        + "    DNS_CHECK {\n    }\n    UDP_CHECK {\n    }\n    PING_CHECK {\n    }\n"
        + "    FILE_CHECK {\n      track_file tf\n    }\n    BFD_CHECK {\n      name b1\n    }")
        + "track_file tf {\n  file /run/w\n}\nbfd_instance b1 {\n  neighbor_ip 192.0.2.9\n}\n").clean();
    Set<Class<?>> bound = checkers(b).stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(bound).containsExactlyInAnyOrderElementsOf(Arrays.asList(CheckerConfig.class.getPermittedSubclasses()));
    assertThat(checkers(b).stream().map(CheckerConfig::keyword).collect(Collectors.toSet()))
        .isEqualTo(Set.copyOf(CheckerBinder.KEYWORDS).stream().filter(k -> !k.equals("SSL_GET")).collect(Collectors.toSet()));
  }

  @Test
  void checkersOutsideRealServersAreNotCheckers() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 80 {\n  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n"
        + "  TCP_CHECK {\n  }\n  real_server 192.0.2.5 80 {\n  }\n}\n").onlyError(5, 3, "unknown keyword in virtual_server");
    assertThat(b.rs().checkers()).isEqualTo(List.of());
  }

  @Test
  void scriptsKeepTheirWords() {
    MiscChecker c = (MiscChecker) only(bind(withRealServer("    MISC_CHECK {\n      misc_path /bin/check -v x\n    }")));
    assertThat(c.miscPath()).isEqualTo(new Script(List.of("/bin/check", "-v", "x"), c.miscPath().position()));
    assertThat(c.miscPath().position().line()).isEqualTo(7);
  }
}
