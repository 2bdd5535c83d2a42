package io.keepalivedj;

import io.keepalivedj.check.BodyRegex;
import io.keepalivedj.check.CheckOptions;
import io.keepalivedj.check.CheckSpec;
import io.keepalivedj.check.CheckTarget;
import io.keepalivedj.check.CheckType;
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
import io.keepalivedj.config.KeepalivedConfig;
import io.keepalivedj.config.model.BfdChecker;
import io.keepalivedj.config.model.CheckerCommon;
import io.keepalivedj.config.model.CheckerConfig;
import io.keepalivedj.config.model.DnsChecker;
import io.keepalivedj.config.model.FileChecker;
import io.keepalivedj.config.model.HttpGetChecker;
import io.keepalivedj.config.model.MiscChecker;
import io.keepalivedj.config.model.PingChecker;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.SmtpChecker;
import io.keepalivedj.config.model.SslConfig;
import io.keepalivedj.config.model.TcpChecker;
import io.keepalivedj.config.model.TrackFile;
import io.keepalivedj.config.model.UdpChecker;
import io.keepalivedj.config.model.UrlConfig;
import io.keepalivedj.config.model.VirtualServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The mapping behind {@link CheckPlan#of}: first whether the engine can run a checker as written
 * ({@link #whyNot}), then its spec with every value resolved ({@link #spec}).
 */
final class CheckPlanner {
  private final KeepalivedConfig config;
  private final SslOptions ssl;
  private final Optional<SkipReason> sslGetSkip;

  private CheckPlanner(KeepalivedConfig config) {
    this.config = config;
    Optional<SslConfig> block = config.lvs().ssl();
    Optional<Path> ca = block.flatMap(SslConfig::ca).map(Path::of);
    SslOptions options;
    Optional<SkipReason> skip = Optional.empty();
    try {
      options = new SslOptions(ca, block.flatMap(SslConfig::certificate).map(Path::of),
          block.flatMap(SslConfig::key).map(Path::of), block.flatMap(SslConfig::password));
    } catch (IllegalArgumentException e) {
      // A key without a certificate: a key alone presents no client certificate, which is not
      // what the block asks for, so SSL_GET waits until it names the certificate too.
      options = ca.map(SslOptions::withCa).orElse(SslOptions.NONE);
      skip = Optional.of(new SkipReason.Rejected(e.getMessage()));
    }
    this.ssl = options;
    this.sslGetSkip = skip;
  }

  static CheckPlan plan(KeepalivedConfig config) {
    CheckPlanner planner = new CheckPlanner(config);
    List<PlannedCheck> checks = new ArrayList<>();
    List<SkippedCheck> skipped = new ArrayList<>();
    for (VirtualServer vs : config.lvs().virtualServers()) {
      for (RealServer rs : vs.realServers()) {
        for (int i = 0; i < rs.checkers().size(); i++) {
          CheckerConfig c = rs.checkers().get(i);
          CheckerRef ref = new CheckerRef(vs.endpoint(), rs.ip(), rs.port(), i, c.keyword(), c.position());
          Optional<SkipReason> why = planner.whyNot(rs, c);
          if (why.isPresent()) {
            skipped.add(new SkippedCheck(ref, why.get()));
            continue;
          }
          try {
            checks.add(new PlannedCheck(ref, planner.spec(vs, rs, c)));
          } catch (IllegalArgumentException e) {
            skipped.add(new SkippedCheck(ref, new SkipReason.Rejected(e.getMessage())));
          }
        }
      }
    }
    return new CheckPlan(checks, skipped, planner.ssl);
  }

  /** Why the engine cannot run {@code c} as written, or empty when it can. */
  private Optional<SkipReason> whyNot(RealServer rs, CheckerConfig c) {
    if (c instanceof BfdChecker) {
      return Optional.of(new SkipReason.NotRunByHealthcheck(c.keyword(),
          "it follows a bfd_instance, and Keepalived/J has no BFD engine yet"));
    }
    if (c instanceof HttpGetChecker http) {
      return whyNotHttp(http).or(() -> needsPort(rs, c));
    } else if (c instanceof SmtpChecker smtp) {
      if (!smtp.host().isEmpty()) {
        return Optional.of(new SkipReason.UnsupportedOption("host",
            "SMTP_CHECK's deprecated host { } blocks; write one SMTP_CHECK per host with connect_ip"));
      }
      return needsPort(rs, c);
    } else if (c instanceof DnsChecker dns) {
      if (Arrays.stream(DnsQueryType.values()).noneMatch(t -> t.name().equals(dns.type().name()))) {
        return Optional.of(new SkipReason.UnsupportedOption("type " + dns.type().keyword(),
            "the DNS checker sends A, NS, CNAME, SOA, MX, TXT and AAAA queries only"));
      }
      return needsPort(rs, c);
    } else if (c instanceof TcpChecker || c instanceof UdpChecker) {
      return needsPort(rs, c);
    } else if (c instanceof FileChecker file) {
      if (file.dynamic()) {
        return Optional.of(new SkipReason.UnsupportedOption("dynamic",
            "FILE_CHECK's value is not added to the IPVS weight yet"));
      }
      if (trackFile(file.trackFile()).isEmpty()) {
        return Optional.of(new SkipReason.UnknownTrackFile(file.trackFile()));
      }
      return Optional.empty();
    } else if (c instanceof MiscChecker || c instanceof PingChecker) {
      return Optional.empty(); // no port needed: a program, an ICMP echo
    }
    throw new AssertionError(c);
  }

  private Optional<SkipReason> whyNotHttp(HttpGetChecker http) {
    if (http.sslGet() && sslGetSkip.isPresent()) {
      return sslGetSkip;
    }
    if (http.tlsCompliant() || http.url().stream().anyMatch(UrlConfig::tlsCompliant)) {
      return Optional.of(new SkipReason.UnsupportedOption("tls_compliant", "a proper TLS close is not checked yet"));
    }
    for (UrlConfig u : http.url()) {
      // regex_stack only sizes PCRE2's JIT stack: a Java regex has none, so it changes nothing.
      for (String option : u.regexOptions()) {
        if (!PcreOption.forKeyword(option).map(PcreOption::isSupported).orElse(false)) {
          return Optional.of(new SkipReason.UnsupportedOption("regex_options " + option,
              "url " + u.path() + ": it changes what a PCRE2 regex matches, and Java regexes have no equivalent"));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<SkipReason> needsPort(RealServer rs, CheckerConfig c) {
    int port = CheckTimings.common(c).flatMap(CheckerCommon::connectPort).orElse(rs.port());
    return port == 0 ? Optional.of(new SkipReason.MissingPort(c.keyword())) : Optional.empty();
  }

  /** The spec of a checker {@link #whyNot} accepted; the engine's records may still refuse a value. */
  private CheckSpec spec(VirtualServer vs, RealServer rs, CheckerConfig c) {
    CheckOptions options = CheckTimings.resolve(vs, rs, c).toCheckOptions();
    if (c instanceof HttpGetChecker http) {
      CheckTarget target = target(rs, http.common());
      List<UrlCheck> urls = http.url().stream().map(CheckPlanner::url).toList();
      // virtualhost: the checker's, else its real server's, else its virtual server's (a url's own wins, in UrlCheck).
      Optional<String> virtualhost = http.virtualhost().or(rs::virtualhost).or(vs::virtualhost);
      // enable_sni is accepted in HTTP_GET too, where keepalived has no TLS to send it in.
      boolean sni = http.sslGet() && http.enableSni();
      return new HttpGetCheck(target, options, urls, virtualhost,
          HttpProtocol.fromConfigName(http.httpProtocol().keyword()), http.sslGet(), sni,
          sni ? http.sniName() : Optional.empty(), http.fastRecovery());
    } else if (c instanceof TcpChecker tcp) {
      return new TcpCheck(target(rs, tcp.common()), options);
    } else if (c instanceof MiscChecker misc) {
      // keepalived 2.2.7 check_misc.c: no misc_timeout (or 0) means the virtual server's delay_loop,
      // not the checker's own, so it is spelled out here.
      Optional<Duration> timeout = misc.miscTimeout().filter(t -> !t.isZero()).or(() -> Optional.of(vs.delayLoop()));
      return new MiscCheck(target(rs, misc.common()), options, misc.miscPath().argv(), timeout, misc.miscDynamic(),
          misc.user(), misc.group());
    } else if (c instanceof SmtpChecker smtp) {
      return new SmtpCheck(target(rs, smtp.common()), options, smtp.heloName());
    } else if (c instanceof DnsChecker dns) {
      return new DnsCheck(target(rs, dns.common()), options, DnsQueryType.valueOf(dns.type().name()), dns.name());
    } else if (c instanceof UdpChecker udp) {
      return new UdpCheck(target(rs, udp.common()), options, udp.payload(), udp.requireReply(),
          udp.requireReplyData(), udp.minReplyLength(), udp.maxReplyLength());
    } else if (c instanceof PingChecker ping) {
      return new PingCheck(target(rs, ping.common()), options);
    } else if (c instanceof FileChecker file) {
      return fileCheck(rs, file, CheckTimings.resolve(vs, rs, c));
    } else if (c instanceof BfdChecker) {
      throw new AssertionError("BFD_CHECK is skipped before its spec is built: " + c);
    }
    throw new AssertionError(c);
  }

  /**
   * FILE_CHECK has none of the common options: keepalived re-reads the file when it changes. The
   * engine polls it every delay_loop (the real server's, else the virtual server's) instead; a
   * read is definitive, so no retries, and cheap, so no warmup.
   */
  private FileCheck fileCheck(RealServer rs, FileChecker file, CheckTimings timings) {
    TrackFile tf = trackFile(file.trackFile()).orElseThrow(() -> new AssertionError(file));
    CheckOptions options = CheckOptions.builder(CheckType.FILE_CHECK)
        .delayLoop(timings.delayLoop())
        .warmup(Duration.ZERO)
        .alpha(timings.alpha())
        .build();
    // FILE_CHECK's own "weight N [reverse]" replaces the track_file's weight and reverse together.
    int weight = file.weight().orElse(tf.weight());
    boolean reverse = file.weight().isPresent() ? file.reverse() : tf.weightReverse();
    return new FileCheck(target(rs, CheckerCommon.DEFAULTS), options, Path.of(tf.file()), weight, reverse);
  }

  private Optional<TrackFile> trackFile(String name) {
    return config.vrrp().trackFiles().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** connect_ip/connect_port default to the real server's address and port (keepalived.conf(5)). */
  private static CheckTarget target(RealServer rs, CheckerCommon common) {
    return new CheckTarget(rs.ip(), rs.port(),
        Optional.of(common.connectIp().orElse(rs.ip())),
        OptionalInt.of(common.connectPort().orElse(rs.port())),
        common.bindto(),
        common.bindPort().map(OptionalInt::of).orElse(OptionalInt.empty()),
        common.bindIf(),
        common.fwmark().map(OptionalLong::of).orElse(OptionalLong.empty()));
  }

  private static UrlCheck url(UrlConfig u) {
    StatusCodes codes = new StatusCodes(u.statusCode().stream()
        .map(r -> new StatusCodes.Range(r.min(), r.max())).toList());
    return new UrlCheck(u.path(), codes, u.digest(), u.virtualhost(), u.regex().map(pattern -> new BodyRegex(pattern,
        u.regexOptions().stream().map(o -> PcreOption.forKeyword(o).orElseThrow()).collect(Collectors.toSet()),
        u.regexNoMatch(), offset(u.regexMinOffset().orElse(0L)),
        u.regexMaxOffset().map(m -> OptionalInt.of(offset(m))).orElse(OptionalInt.empty()))));
  }

  /** Body offsets past int range behave as "past the end": no body is that long. */
  private static int offset(long value) {
    return (int) Math.min(value, Integer.MAX_VALUE);
  }
}
