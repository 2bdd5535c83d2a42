package io.keepalivedj.examples.daemon;

import io.keepalivedj.CheckTimings;
import io.keepalivedj.DetectionBound;
import io.keepalivedj.config.KeepalivedConfig;
import io.keepalivedj.config.model.AddressText;
import io.keepalivedj.config.model.CheckerConfig;
import io.keepalivedj.config.model.HttpGetChecker;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.UrlConfig;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import io.keepalivedj.config.model.VrrpInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code keepalivedj --summary}: what a configuration will do, in a few lines a network engineer
 * reads at a glance, with the timings keepalived derives and never prints: the master-down
 * interval an election waits (RFC 3768 §6.1 for v2, RFC 5798 §6.1 for v3) and the longest a dead
 * real server stays in the pool, from its checker's effective timings ({@link CheckTimings}: the
 * checker, else its real server, else its virtual server, else the checker type's default).
 */
final class ConfigSummary {
  private ConfigSummary() {}

  static String of(KeepalivedConfig config) {
    StringBuilder sb = new StringBuilder();
    for (VrrpInstance vi : config.vrrp().vrrpInstances()) {
      instance(sb, vi);
    }
    for (VirtualServer vs : config.lvs().virtualServers()) {
      virtualServer(sb, vs);
    }
    if (sb.length() == 0) {
      sb.append("nothing configured: no vrrp_instance, no virtual_server\n");
    }
    return sb.toString();
  }

  private static void instance(StringBuilder sb, VrrpInstance vi) {
    sb.append("vrrp_instance ").append(vi.name()).append(": VRRPv").append(vi.version())
        .append(" on ").append(vi.interfaceName().orElse("(unicast)"))
        .append(", VRID ").append(vi.virtualRouterId())
        .append(", priority ").append(vi.priority()).append(vi.priority() == 255 ? " (address owner)" : "")
        .append(", starts ").append(vi.state().keyword())
        .append(vi.nopreempt() ? ", nopreempt" : ", preempts")
        .append(", advert every ").append(seconds(vi.advertInt()))
        .append(vi.authentication().map(a -> ", auth " + a.authType().keyword()).orElse(""))
        .append('\n');
    for (VirtualIpAddress vip : vi.virtualIpaddress()) {
      sb.append("  VIP ").append(vip.address()).append(vip.dev().map(d -> " dev " + d).orElse("")).append('\n');
    }
    if (vi.isUnicast()) {
      sb.append("  unicast to ").append(vi.unicastPeer().stream().map(p -> AddressText.of(p.address()))
          .collect(Collectors.joining(", "))).append('\n');
    }
    // Skew_Time: v2 (256 - Priority) / 256 s; v3 scales it by Master_Adver_Interval.
    BigDecimal advert = secondsOf(vi.advertInt());
    BigDecimal skewFraction = BigDecimal.valueOf(256 - vi.priority()).divide(BigDecimal.valueOf(256));
    BigDecimal skew = vi.version() == 2 ? skewFraction : skewFraction.multiply(advert);
    BigDecimal masterDown = advert.multiply(BigDecimal.valueOf(vi.downTimerAdverts())).add(skew);
    sb.append("  a backup takes over ").append(millis(masterDown)).append(" s after the master's last advert (")
        .append(vi.downTimerAdverts()).append(" x ").append(seconds(vi.advertInt())).append(" + skew ")
        .append(millis(skew)).append(" s)\n");
    sb.append("  as master: ").append(vi.garpMasterRepeat()).append(" gratuitous ARP/NA at once, ")
        .append(vi.garpMasterRepeat()).append(" more after ").append(seconds(vi.garpMasterDelay())).append('\n');
  }

  private static void virtualServer(StringBuilder sb, VirtualServer vs) {
    sb.append("virtual_server ").append(endpoint(vs.endpoint()))
        .append(vs.protocol().map(p -> " " + p.keyword()).orElse(""))
        .append(": ").append(vs.lvsSched().keyword()).append(", ").append(vs.lvsMethod().keyword())
        .append(vs.persistenceTimeout().map(t -> ", persistent " + seconds(t)).orElse(""))
        .append(", quorum ").append(vs.quorum())
        .append(", ").append(vs.realServers().size()).append(" real server(s)\n");
    for (RealServer rs : vs.realServers()) {
      sb.append("  real_server ").append(AddressText.of(rs.ip())).append(':').append(rs.port())
          .append(" weight ").append(rs.weight()).append('\n');
      for (CheckerConfig c : rs.checkers()) {
        checker(sb, vs, rs, c);
      }
      if (rs.checkers().isEmpty()) {
        sb.append("    no checker: always in the pool\n");
      }
    }
  }

  private static void checker(StringBuilder sb, VirtualServer vs, RealServer rs, CheckerConfig c) {
    CheckTimings t = CheckTimings.resolve(vs, rs, c);
    sb.append("    ").append(c.keyword());
    if (c instanceof HttpGetChecker http) {
      for (UrlConfig u : http.url()) {
        sb.append(' ').append(u.path()).append(" expecting ").append(u.statusCode().stream()
            .map(r -> r.min() == r.max() ? Integer.toString(r.min()) : r.min() + "-" + r.max())
            .collect(Collectors.joining(",")));
        u.digest().ifPresent(d -> sb.append(" digest ").append(d));
      }
    }
    sb.append(" every ").append(seconds(t.delayLoop())).append(", timeout ").append(seconds(t.connectTimeout()))
        .append(", retry ").append(t.retry()).append(" after ").append(seconds(t.delayBeforeRetry())).append('\n');
    sb.append("      DOWN after ").append(t.retry() + 1).append(" failed attempt(s): at most ")
        .append(seconds(DetectionBound.down(t.toCheckOptions()))).append(" after the server dies\n");
  }

  private static String endpoint(VirtualServerEndpoint e) {
    if (e instanceof VirtualServerEndpoint.Address a) {
      String ip = AddressText.of(a.ip());
      return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + a.port();
    } else if (e instanceof VirtualServerEndpoint.Fwmark f) {
      return "fwmark " + f.fwmark();
    } else if (e instanceof VirtualServerEndpoint.Group g) {
      return "group " + g.name();
    }
    throw new AssertionError(e);
  }

  private static BigDecimal secondsOf(Duration d) {
    return BigDecimal.valueOf(d.toNanos()).movePointLeft(9);
  }

  private static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }

  /** Seconds to the millisecond, as timers are read. */
  private static String millis(BigDecimal seconds) {
    return plain(seconds.setScale(3, java.math.RoundingMode.HALF_UP));
  }

  private static String seconds(Duration d) {
    return plain(secondsOf(d)) + " s";
  }
}
