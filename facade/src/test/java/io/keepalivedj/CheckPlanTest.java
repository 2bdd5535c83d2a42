package io.keepalivedj;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.check.BodyRegex;
import io.keepalivedj.check.CheckOptions;
import io.keepalivedj.check.CheckSpec;
import io.keepalivedj.check.CheckTarget;
import io.keepalivedj.check.DnsCheck;
import io.keepalivedj.check.DnsQueryType;
import io.keepalivedj.check.FileCheck;
import io.keepalivedj.check.HttpGetCheck;
import io.keepalivedj.check.HttpProtocol;
import io.keepalivedj.check.MiscCheck;
import io.keepalivedj.check.PcreOption;
import io.keepalivedj.check.PingCheck;
import io.keepalivedj.check.SmtpCheck;
import io.keepalivedj.check.SslOptions;
import io.keepalivedj.check.StatusCodes;
import io.keepalivedj.check.TcpCheck;
import io.keepalivedj.check.UdpCheck;
import io.keepalivedj.check.UrlCheck;
import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.KeepalivedConfig;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.CheckerConfig;
import io.keepalivedj.config.model.FileChecker;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsProtocol;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckPlanTest {
  private static final InetAddress VIP = ip("192.0.2.1");
  private static final InetAddress RS1 = ip("192.0.2.5");
  private static final InetAddress RS2 = ip("192.0.2.6");

  @Test
  void theSeedIsTwoHttpGetChecksWithKeepalivedsEffectiveValues() throws Exception {
    Path root = Path.of(System.getProperty("keepalivedj.project.root", "..")).toAbsolutePath().normalize();
    Path conf = root.resolve("lab/seed/keepalived.lab.conf");

    CheckPlan plan = CheckPlan.of(ConfigParser.parse(conf));

    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.ssl()).isEqualTo(SslOptions.NONE);
    // delay_loop 10 from the virtual server, connect_timeout 5 from the checker, retry 1 and
    // delay_before_retry 3 s HTTP_GET's defaults, warmup = delay_loop, alpha off.
    CheckOptions seedOptions = new CheckOptions(Duration.ofSeconds(5), 1, Duration.ofSeconds(3),
        Duration.ofSeconds(10), Duration.ofSeconds(10), false, false);
    UrlCheck slash = new UrlCheck("/", new StatusCodes(List.of(new StatusCodes.Range(200, 200))),
        Optional.empty(), Optional.empty(), Optional.empty());
    List<PlannedCheck> expected = List.of(
        new PlannedCheck(
            new CheckerRef(new VirtualServerEndpoint.Address(VIP, 80), RS1, 80, 0, "HTTP_GET",
                SourcePosition.of(conf.toString(), 28, 5)),
            new HttpGetCheck(new CheckTarget(RS1, 80, Optional.of(RS1), OptionalInt.of(80), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalLong.empty()), seedOptions, List.of(slash), Optional.empty(), HttpProtocol.HTTP_1_0, false,
                false, Optional.empty(), false)),
        new PlannedCheck(
            new CheckerRef(new VirtualServerEndpoint.Address(VIP, 80), RS2, 80, 0, "HTTP_GET",
                SourcePosition.of(conf.toString(), 38, 5)),
            new HttpGetCheck(new CheckTarget(RS2, 80, Optional.of(RS2), OptionalInt.of(80), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalLong.empty()), seedOptions, List.of(slash), Optional.empty(), HttpProtocol.HTTP_1_0, false,
                false, Optional.empty(), false)));
    assertThat(plan.checks()).isEqualTo(expected);
    assertThat(plan.checks().get(1).ref()).hasToString("192.0.2.1:80 -> 192.0.2.6:80 HTTP_GET#1");
    assertThat(DetectionBound.down(seedOptions)).isEqualTo(Duration.ofSeconds(23));
    assertThat(DetectionBound.up(seedOptions)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void realServerValuesBeatTheVirtualServersAndTheCheckersBeatBoth() throws Exception {
    CheckPlan plan = CheckPlan.of(ConfigParser.parse(lvs("""
        virtual_server 192.0.2.1 80 {
          delay_loop 20
          lb_algo rr
          lb_kind DR
          protocol TCP
          retry 2
          delay_before_retry 4
          warmup 7
          connect_timeout 9
          alpha
          virtualhost vs.example
          real_server 192.0.2.5 80 {
            delay_loop 6
            connect_timeout 2
            TCP_CHECK {
            }
          }
          real_server 192.0.2.6 80 {
            delay_loop 6
            retry 3
            virtualhost rs.example
            HTTP_GET {
              url {
                path /health
                status_code 200-299 418
                digest 0123456789abcdef0123456789abcdef
              }
              delay_loop 2
              retry 5
              delay_before_retry 1.5
              warmup 0
              connect_timeout 0.25
              log_all_failures
              http_protocol 1.1
            }
          }
        }
        """)));

    assertThat(plan.skipped()).isEmpty();
    // rs1: delay_loop and connect_timeout from its real server, the rest from the virtual server.
    assertThat(plan.checks().get(0).spec().options()).isEqualTo(new CheckOptions(Duration.ofSeconds(2), 2,
        Duration.ofSeconds(4), Duration.ofSeconds(6), Duration.ofSeconds(7), true, false));
    // rs2: the checker's own values win; alpha still comes from the virtual server.
    HttpGetCheck http = (HttpGetCheck) plan.checks().get(1).spec();
    assertThat(http.options()).isEqualTo(new CheckOptions(Duration.ofMillis(250), 5, Duration.ofMillis(1500),
        Duration.ofSeconds(2), Duration.ZERO, true, true));
    assertThat(http.virtualhost()).contains("rs.example");
    assertThat(http.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
    assertThat(http.urls()).containsExactly(new UrlCheck("/health",
        new StatusCodes(List.of(new StatusCodes.Range(200, 299), new StatusCodes.Range(418, 418))),
        Optional.of("0123456789abcdef0123456789abcdef"), Optional.empty(), Optional.empty()));
  }

  @Test
  void typeDefaultsApplyWhenNothingIsSet() throws Exception {
    CheckPlan plan = CheckPlan.of(ConfigParser.parse(lvs(realServer("""
        DNS_CHECK {
        }
        MISC_CHECK {
          misc_path "/usr/local/bin/probe --port 80"
        }
        TCP_CHECK {
        }
        """))));

    assertThat(plan.skipped()).isEmpty();
    // DNS_CHECK: retry 3, delay_before_retry = delay_loop (the virtual server's 60 s default).
    DnsCheck dns = (DnsCheck) plan.checks().get(0).spec();
    assertThat(dns.options()).isEqualTo(new CheckOptions(Duration.ofSeconds(5), 3, Duration.ofSeconds(60),
        Duration.ofSeconds(60), Duration.ofSeconds(60), false, false));
    assertThat(dns.queryType()).isEqualTo(DnsQueryType.SOA);
    assertThat(dns.name()).isEqualTo(".");
    // MISC_CHECK: retry 0, 1 s between retries, the script may run for the virtual server's delay_loop.
    MiscCheck misc = (MiscCheck) plan.checks().get(1).spec();
    assertThat(misc.options().retry()).isZero();
    assertThat(misc.options().delayBeforeRetry()).isEqualTo(Duration.ofSeconds(1));
    assertThat(misc.argv()).containsExactly("/usr/local/bin/probe", "--port", "80");
    assertThat(misc.miscTimeout()).contains(Duration.ofSeconds(60));
    // TCP_CHECK: retry 1, 1 s.
    assertThat(plan.checks().get(2).spec().options()).isEqualTo(new CheckOptions(Duration.ofSeconds(5), 1,
        Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), false, false));
    assertThat(plan.checks().stream().map(c -> c.ref().checkerIndex()).toList()).containsExactly(0, 1, 2);
  }

  @Test
  void connectionOptionsMoveTheProbeNotTheRealServer() throws Exception {
    CheckPlan plan = CheckPlan.of(ConfigParser.parse(lvs(realServer("""
        TCP_CHECK {
          connect_ip 192.0.2.50
          connect_port 8080
          bindto 192.0.2.2
          bind_port 40000
        }
        """))));

    CheckTarget target = plan.checks().get(0).spec().target();
    assertThat(target).isEqualTo(new CheckTarget(RS1, 80, Optional.of(ip("192.0.2.50")), OptionalInt.of(8080),
        Optional.of(ip("192.0.2.2")), OptionalInt.of(40000), Optional.empty(), OptionalLong.empty()));
    // Events still name the real server the operator configured.
    assertThat(target).hasToString("192.0.2.5:80");
    assertThat(plan.checks().get(0).ref().realServer()).isEqualTo("192.0.2.5:80");
  }

  @Test
  void everyCheckerTypeMapsToItsSpecOrANamedReason() throws Exception {
    CheckPlan plan = CheckPlan.of(ConfigParser.parse(EVERY_CHECKER));

    assertThat(plan.checks().stream().<Class<?>>map(c -> c.spec().getClass()).toList()).containsExactly(
        HttpGetCheck.class, HttpGetCheck.class, TcpCheck.class, MiscCheck.class, SmtpCheck.class, DnsCheck.class,
        UdpCheck.class, PingCheck.class, FileCheck.class);
    assertThat(plan.checks().stream().map(c -> c.ref().keyword()).toList()).containsExactly(
        "HTTP_GET", "SSL_GET", "TCP_CHECK", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK",
        "FILE_CHECK");
    assertThat(((HttpGetCheck) plan.checks().get(1).spec()).ssl()).isTrue();
    assertThat(plan.skipped()).containsExactly(new SkippedCheck(
        new CheckerRef(new VirtualServerEndpoint.Address(VIP, 80), RS1, 80, 9, "BFD_CHECK",
            plan.skipped().get(0).ref().position()),
        new SkipReason.NotRunByHealthcheck("BFD_CHECK",
            "it follows a bfd_instance, and Keepalived/J has no BFD engine yet")));
    assertThat(plan.skipped().get(0).reason().message()).startsWith("BFD_CHECK is not supported yet: ");
  }

  /** A new checker record in the model fails here until EVERY_CHECKER (and so the planner) covers it. */
  @Test
  void everyCheckerRecordOfTheModelIsInThatTest() throws Exception {
    KeepalivedConfig config = ConfigParser.parse(EVERY_CHECKER);
    Set<Class<?>> covered = config.lvs().virtualServers().get(0).realServers().get(0).checkers().stream()
        .map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(CheckerConfig.class.getPermittedSubclasses()));
  }

  @Test
  void fileCheckTakesTheTrackFilesPathAndWeight() throws Exception {
    FileCheck file = (FileCheck) CheckPlan.of(ConfigParser.parse(EVERY_CHECKER)).checks().get(8).spec();
    assertThat(file.file()).isEqualTo(Path.of("/run/keepalivedj/weight"));
    assertThat(file.weight()).isEqualTo(-3);
    assertThat(file.reverse()).isTrue();
    assertThat(file.options().delayLoop()).isEqualTo(Duration.ofSeconds(60));
    assertThat(file.options().retry()).isZero();
  }

  @Test
  void optionsTheEngineCannotHonourAreNamedNotDropped() throws Exception {
    CheckPlan plan = CheckPlan.of(ConfigParser.parse(lvs(realServer("""
        SMTP_CHECK {
          host {
            connect_ip 192.0.2.25
          }
        }
        DNS_CHECK {
          type DNSKEY
        }
        HTTP_GET {
          url {
            path /
            regex "ok"
            regex_options caseless ungreedy
          }
        }
        HTTP_GET {
          url {
            path /
            regex "o\\\\Kk"
          }
        }
        TCP_CHECK {
          retry 4294967295
        }
        TCP_CHECK {
        }
        """))));

    assertThat(plan.skipped().stream().map(s -> s.reason()).toList()).containsExactly(
        new SkipReason.UnsupportedOption("host",
            "SMTP_CHECK's deprecated host { } blocks; write one SMTP_CHECK per host with connect_ip"),
        new SkipReason.UnsupportedOption("type DNSKEY",
            "the DNS checker sends A, NS, CNAME, SOA, MX, TXT and AAAA queries only"),
        new SkipReason.UnsupportedOption("regex_options ungreedy",
            "url /: it changes what a PCRE2 regex matches, and Java regexes have no equivalent"),
        plan.skipped().get(3).reason(),
        new SkipReason.Rejected("retry 4294967295 is above 2147483647"));
    // PCRE2's \K has no Java equivalent: the engine's own validation says so.
    assertThat(plan.skipped().get(3).reason()).isInstanceOf(SkipReason.Rejected.class);
    assertThat(plan.skipped().get(3).reason().message()).contains("bad regex");
    assertThat(plan.skipped().stream().map(s -> s.ref().checkerIndex()).toList()).containsExactly(0, 1, 2, 3, 4);
    assertThat(plan.checks()).hasSize(1);
    assertThat(plan.checks().get(0).ref().checkerIndex()).isEqualTo(5);
  }

  /** bind_if and fwmark reach the probe of every checker that has them (PING_CHECK's ICMP socket too). */
  @Test
  void bindIfAndFwmarkReachTheTargetOfEveryCheckerThatHasThem() throws Exception {
    List<String> keywords = List.of("HTTP_GET", "SSL_GET", "TCP_CHECK", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK",
        "PING_CHECK");
    StringBuilder checkers = new StringBuilder();
    for (int i = 0; i < keywords.size(); i++) {
      String url = keywords.get(i).endsWith("_GET") ? "  url {\n    path /\n  }\n" : "";
      // A mark per checker, the last one the largest keepalived.conf(5) allows.
      long mark = i == keywords.size() - 1 ? 4294967295L : i + 1;
      checkers.append(keywords.get(i)).append(" {\n  bind_if eth").append(i).append("\n  fwmark ").append(mark)
          .append('\n').append(url).append("}\n");
    }

    CheckPlan plan = CheckPlan.of(ConfigParser.parse(lvs(realServer(checkers.toString()))));

    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.checks()).extracting(c -> c.ref().keyword()).containsExactlyElementsOf(keywords);
    for (int i = 0; i < keywords.size(); i++) {
      CheckTarget target = plan.checks().get(i).spec().target();
      long mark = i == keywords.size() - 1 ? 4294967295L : i + 1;
      assertThat(target).as(keywords.get(i)).isEqualTo(new CheckTarget(RS1, 80, Optional.of(RS1), OptionalInt.of(80),
          Optional.empty(), OptionalInt.empty(), Optional.of("eth" + i), OptionalLong.of(mark)));
    }
  }

  @Test
  void aUrlRegexCarriesItsPcre2OptionsAndOffsets() throws Exception {
    CheckPlan plan = CheckPlan.of(ConfigParser.parse(lvs(realServer("""
        HTTP_GET {
          url {
            path /status
            regex "^state: up"
            regex_no_match
            regex_options caseless multiline no_start_optimize
            regex_min_offset 16
            regex_max_offset 4096
            regex_stack 32768 65536
          }
        }
        """))));

    assertThat(plan.skipped()).isEmpty();
    HttpGetCheck http = (HttpGetCheck) plan.checks().get(0).spec();
    assertThat(http.urls().get(0).regex()).contains(new BodyRegex("^state: up",
        Set.of(PcreOption.CASELESS, PcreOption.MULTILINE, PcreOption.NO_START_OPTIMIZE), true, 16, OptionalInt.of(4096)));
  }

  @Test
  void aConnectingCheckWithoutAnyPortIsSkippedButAPingIsNot() {
    // keepalived's real server of a fwmark service has no port.
    RealServer rs = RealServer.builder(RS1, 0)
        .checker(new io.keepalivedj.config.model.TcpChecker(io.keepalivedj.config.model.CheckerCommon.DEFAULTS,
            SourcePosition.NONE))
        .checker(new io.keepalivedj.config.model.PingChecker(io.keepalivedj.config.model.CheckerCommon.DEFAULTS,
            SourcePosition.NONE))
        .build();
    VirtualServer vs = VirtualServer.builder(new VirtualServerEndpoint.Fwmark(1)).lvsMethod(LvsMethod.DR)
        .realServer(rs).build();

    CheckPlan plan = CheckPlan.of(KeepalivedConfig.builder().virtualServer(vs).build());

    assertThat(plan.skipped().stream().map(SkippedCheck::reason).toList())
        .containsExactly(new SkipReason.MissingPort("TCP_CHECK"));
    assertThat(plan.checks().get(0).spec()).isInstanceOf(PingCheck.class);
  }

  @Test
  void aFileCheckNamingNoTrackFileIsSkipped() {
    VirtualServer vs = VirtualServer.builder(VIP, 80).protocol(LvsProtocol.TCP).lvsMethod(LvsMethod.DR)
        .realServer(RealServer.builder(RS1, 80)
            .checker(new FileChecker("nowhere", Optional.empty(), false, false, SourcePosition.NONE)).build())
        .build();

    CheckPlan plan = CheckPlan.of(KeepalivedConfig.builder().virtualServer(vs).build());

    assertThat(plan.checks()).isEmpty();
    assertThat(plan.skipped().get(0).reason()).isEqualTo(new SkipReason.UnknownTrackFile("nowhere"));
  }

  @Test
  void sslBlockIsPassedOnWithItsClientCertificate() throws Exception {
    String sslGet = realServer("""
        SSL_GET {
          url {
            path /
          }
        }
        HTTP_GET {
          url {
            path /
          }
        }
        """);
    CheckPlan withCa = CheckPlan.of(ConfigParser.parse("SSL {\n  ca /etc/ssl/lab-ca.pem\n}\n" + lvs(sslGet)));
    assertThat(withCa.ssl()).isEqualTo(SslOptions.withCa(Path.of("/etc/ssl/lab-ca.pem")));
    assertThat(withCa.checks()).hasSize(2);

    CheckPlan withCert = CheckPlan.of(ConfigParser.parse("""
        SSL {
          password lb-secret
          ca /etc/ssl/lab-ca.pem
          certificate /etc/ssl/lb.pem
          key /etc/ssl/lb.key
        }
        """ + lvs(sslGet)));
    assertThat(withCert.skipped()).isEmpty();
    assertThat(withCert.checks().stream().map(c -> c.ref().keyword()).toList())
        .containsExactly("SSL_GET", "HTTP_GET");
    assertThat(withCert.ssl()).isEqualTo(new SslOptions(Optional.of(Path.of("/etc/ssl/lab-ca.pem")),
        Optional.of(Path.of("/etc/ssl/lb.pem")), Optional.of(Path.of("/etc/ssl/lb.key")),
        Optional.of("lb-secret")));

    // The key in the certificate file, as with openssl s_client -cert.
    CheckPlan keyInCert = CheckPlan.of(ConfigParser.parse("SSL {\n  certificate /etc/ssl/lb.pem\n}\n" + lvs(sslGet)));
    assertThat(keyInCert.checks()).hasSize(2);
    assertThat(keyInCert.ssl()).isEqualTo(SslOptions.NONE.clientCertificate(Path.of("/etc/ssl/lb.pem"),
        Optional.empty(), Optional.empty()));

    // A key alone presents nothing: SSL_GET is held back, HTTP_GET runs.
    CheckPlan keyOnly = CheckPlan.of(ConfigParser.parse("SSL {\n  key /etc/ssl/lb.key\n}\n" + lvs(sslGet)));
    assertThat(keyOnly.skipped()).hasSize(1);
    assertThat(keyOnly.skipped().get(0).ref().keyword()).isEqualTo("SSL_GET");
    assertThat(keyOnly.skipped().get(0).reason())
        .isEqualTo(new SkipReason.Rejected("SSL key /etc/ssl/lb.key needs a certificate"));
    assertThat(keyOnly.checks().stream().map(c -> c.ref().keyword()).toList()).containsExactly("HTTP_GET");
    assertThat(keyOnly.ssl()).isEqualTo(SslOptions.NONE);
  }

  @Test
  void checkSpecsAreAllCoveredByThePlannerSomewhere() throws Exception {
    // The engine's sealed spec types, each produced by EVERY_CHECKER: none left unmapped.
    Set<Class<?>> produced = CheckPlan.of(ConfigParser.parse(EVERY_CHECKER)).checks().stream()
        .map(c -> c.spec().getClass()).collect(Collectors.toSet());
    assertThat(produced).containsExactlyInAnyOrderElementsOf(Arrays.asList(CheckSpec.class.getPermittedSubclasses()));
  }

  private static final String EVERY_CHECKER = """
      track_file tf {
        file /run/keepalivedj/weight
        weight 2
      }
      bfd_instance b1 {
        neighbor_ip 192.0.2.9
      }
      """ + lvs(realServer("""
      HTTP_GET {
        url {
          path /
        }
      }
      SSL_GET {
        url {
          path /
        }
        enable_sni
      }
      TCP_CHECK {
      }
      MISC_CHECK {
        misc_path /bin/true
        misc_timeout 3
        misc_dynamic
      }
      SMTP_CHECK {
        helo_name lb1.example
      }
      DNS_CHECK {
        type A
        name www.example.
      }
      UDP_CHECK {
        payload 0a0b
        require_reply 0a
      }
      PING_CHECK {
      }
      FILE_CHECK {
        track_file tf
        weight -3 reverse
      }
      BFD_CHECK {
        name b1
      }
      """));

  /** A DR virtual server on the seed's VIP around {@code realServers}. */
  private static String lvs(String realServers) {
    if (realServers.startsWith("virtual_server")) {
      return realServers;
    }
    return "virtual_server 192.0.2.1 80 {\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n" + realServers + "}\n";
  }

  /** {@code real_server 192.0.2.5 80} around {@code checkers}. */
  private static String realServer(String checkers) {
    return "  real_server 192.0.2.5 80 {\n" + checkers.indent(4) + "  }\n";
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
