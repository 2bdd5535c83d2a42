package io.keepalivedj.config.model;

import java.util.regex.Pattern;
import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code virtual_server IP [PORT] | fwmark N | group NAME { ... }}: one IPVS service (or, for a
 * group, a set of them) with its real servers. Defaults are keepalived 2.2.7's
 * ({@code alloc_vs} and {@code validate_check_config}, check/check_data.c).
 *
 * @param endpoint what the line serves
 * @param ipFamily {@code ip_family inet|inet6}; default none (the family of the addresses)
 * @param delayLoop {@code delay_loop}: interval between checks; default 60 s
 * @param lvsSched {@code lvs_sched} (alias {@code lb_algo}); default {@link LvsScheduler#WLC}
 *     (keepalived reports an error when none is set)
 * @param lvsMethod {@code lvs_method} (alias {@code lb_kind}); default {@link LvsMethod#NAT}
 *     (keepalived reports an error when a real server needs it and none is set)
 * @param tunnel the {@code TUN} options of {@code lvs_method TUN ...}; present exactly when
 *     {@code lvsMethod} is {@code TUN}
 * @param protocol {@code protocol TCP|UDP|SCTP}; required for an address endpoint (keepalived
 *     reports an error and uses UDP when missing), absent for a fwmark endpoint (keepalived
 *     ignores it there)
 * @param persistenceTimeout {@code persistence_timeout}: whole seconds, 1 s..31 days; a bare
 *     keyword (or {@code persistence_granularity} alone) gives 360 s; default none (not
 *     persistent)
 * @param persistenceGranularity {@code persistence_granularity}: an IPv4 netmask or an IPv6
 *     prefix length 1..128; default none (a host)
 * @param persistenceEngine {@code persistence_engine}, e.g. {@code sip}, at most 16 characters;
 *     default none
 * @param ops {@code ops}: one-packet scheduling (UDP, or fwmark services); default false
 * @param hashed {@code hashed}: keepalived 2.2.7 accepts it only after {@code lvs_sched sh|mh} and
 *     sets no flag for it; default false
 * @param flag1 {@code flag-1}: IP_VS_SVC_F_SCHED1; default false
 * @param flag2 {@code flag-2}: IP_VS_SVC_F_SCHED2; default false
 * @param flag3 {@code flag-3}: IP_VS_SVC_F_SCHED3; default false
 * @param shPort {@code sh-port} (scheduler {@code sh} only); default false
 * @param shFallback {@code sh-fallback} (scheduler {@code sh} only); default false
 * @param mhPort {@code mh-port} (scheduler {@code mh} only); default false
 * @param mhFallback {@code mh-fallback} (scheduler {@code mh} only); default false
 * @param sorryServer {@code sorry_server IP [PORT]} with its options; default none
 * @param quorum {@code quorum}: minimum total weight of live real servers, 1..4294967295 as
 *     written; default 1; keepalived lowers it to the real servers' total weight when above it
 * @param quorumUp {@code quorum_up}: script run when the quorum is gained; default none
 * @param quorumDown {@code quorum_down}: script run when the quorum is lost; default none
 * @param hysteresis {@code hysteresis}: quorum tolerance, below {@code quorum}; default 0
 * @param alpha {@code alpha}: checkers start failed; default false
 * @param omega {@code omega}: run {@code quorum_down} and clear the pool on shutdown; default
 *     false
 * @param inhibitOnFailure {@code inhibit_on_failure}: failed real servers get weight 0 rather
 *     than removal; default false
 * @param virtualhost {@code virtualhost}: HTTP Host for its HTTP/SSL checkers; default none
 * @param haSuspend {@code ha_suspend}: suspend checkers while the address is absent (not for
 *     fwmark services); default false
 * @param retry {@code retry}, 1..4294967295; default none (the checker type's)
 * @param connectTimeout {@code connect_timeout}, up to 4294.967295 s; default 5 s
 * @param delayBeforeRetry {@code delay_before_retry}; default none (the checker type's)
 * @param warmup {@code warmup}; default none ({@code delay_loop})
 * @param smtpAlert {@code smtp_alert}; default global_defs {@code smtp_alert_checker}, then
 *     {@code smtp_alert}, else false
 * @param snmpName {@code snmp_name}; default none
 * @param weight {@code weight}: the weight of real servers that set none, 1..2147483647;
 *     default 1
 * @param realServers its {@code real_server}s, in file order, no two with the same address and
 *     port
 * @param position where the {@code virtual_server} keyword is
 */
public record VirtualServer(
    VirtualServerEndpoint endpoint,
    Optional<LvsIpFamily> ipFamily,
    Duration delayLoop,
    LvsScheduler lvsSched,
    LvsMethod lvsMethod,
    Optional<LvsTunnel> tunnel,
    Optional<LvsProtocol> protocol,
    Optional<Duration> persistenceTimeout,
    Optional<String> persistenceGranularity,
    Optional<String> persistenceEngine,
    boolean ops,
    boolean hashed,
    boolean flag1,
    boolean flag2,
    boolean flag3,
    boolean shPort,
    boolean shFallback,
    boolean mhPort,
    boolean mhFallback,
    Optional<SorryServer> sorryServer,
    long quorum,
    Optional<Script> quorumUp,
    Optional<Script> quorumDown,
    long hysteresis,
    boolean alpha,
    boolean omega,
    boolean inhibitOnFailure,
    Optional<String> virtualhost,
    boolean haSuspend,
    Optional<Long> retry,
    Duration connectTimeout,
    Optional<Duration> delayBeforeRetry,
    Optional<Duration> warmup,
    Optional<Boolean> smtpAlert,
    Optional<String> snmpName,
    int weight,
    List<RealServer> realServers,
    SourcePosition position) {
  private static final Pattern UP_TO_3_DIGITS = Pattern.compile("[0-9]{1,3}");
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");


  public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** {@code IPVS_SVC_PERSISTENT_TIMEOUT}, keepalived include/libipvs.h. */
  public static final Duration DEFAULT_PERSISTENCE_TIMEOUT = Duration.ofSeconds(360);
  /** {@code LVS_MAX_TIMEOUT}, keepalived include/global_data.h: 31 days. */
  public static final Duration MAX_PERSISTENCE_TIMEOUT = Duration.ofDays(31);
  /** IP_VS_PENAME_MAXLEN, uapi/linux/ip_vs.h. */
  public static final int PERSISTENCE_ENGINE_MAX = 16;

  public VirtualServer {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(ipFamily, "ipFamily");
    LvsChecks.timer("delayLoop", delayLoop, LvsChecks.MICROSECOND);
    Objects.requireNonNull(lvsSched, "lvsSched");
    Objects.requireNonNull(lvsMethod, "lvsMethod");
    LvsChecks.tunnel(Optional.of(lvsMethod), tunnel);
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(persistenceTimeout, "persistenceTimeout");
    persistenceTimeout.ifPresent(t -> {
      LvsChecks.timer("persistenceTimeout", t, Duration.ofSeconds(1));
      if (t.getNano() != 0 || t.compareTo(MAX_PERSISTENCE_TIMEOUT) > 0) {
        throw new IllegalArgumentException("persistence_timeout must be whole seconds up to 31 days: " + t);
      }
    });
    Objects.requireNonNull(persistenceGranularity, "persistenceGranularity");
    persistenceGranularity.ifPresent(VirtualServer::checkGranularity);
    LvsChecks.text("persistenceEngine", persistenceEngine);
    persistenceEngine.ifPresent(e -> LvsChecks.range("persistence_engine length", e.length(), 1,
        PERSISTENCE_ENGINE_MAX));
    if ((shPort || shFallback) && lvsSched != LvsScheduler.SH) {
      throw new IllegalArgumentException("sh-port and sh-fallback apply only to scheduler sh");
    }
    if ((mhPort || mhFallback) && lvsSched != LvsScheduler.MH) {
      throw new IllegalArgumentException("mh-port and mh-fallback apply only to scheduler mh");
    }
    if (hashed && lvsSched != LvsScheduler.SH && lvsSched != LvsScheduler.MH) {
      throw new IllegalArgumentException("keepalived accepts hashed only with scheduler sh or mh");
    }
    Objects.requireNonNull(sorryServer, "sorryServer");
    LvsChecks.range("quorum", quorum, 0, LvsChecks.UINT32_MAX);
    Objects.requireNonNull(quorumUp, "quorumUp");
    Objects.requireNonNull(quorumDown, "quorumDown");
    LvsChecks.range("hysteresis", hysteresis, 0, LvsChecks.UINT32_MAX);
    if (hysteresis != 0 && hysteresis >= quorum) {
      throw new IllegalArgumentException("hysteresis " + hysteresis + " must be below quorum " + quorum);
    }
    LvsChecks.text("virtualhost", virtualhost);
    LvsChecks.range("retry", retry, 1, LvsChecks.UINT32_MAX);
    LvsChecks.connectTimeout("connectTimeout", connectTimeout);
    LvsChecks.timer("delayBeforeRetry", delayBeforeRetry, Duration.ZERO);
    LvsChecks.timer("warmup", warmup, Duration.ZERO);
    Objects.requireNonNull(smtpAlert, "smtpAlert");
    LvsChecks.text("snmpName", snmpName);
    LvsChecks.range("weight", weight, 1, LvsChecks.WEIGHT_MAX);
    realServers = List.copyOf(realServers);
    Objects.requireNonNull(position, "position");

    if (endpoint instanceof VirtualServerEndpoint.Address) {
      VirtualServerEndpoint.Address a = (VirtualServerEndpoint.Address) endpoint;
      if (protocol.isEmpty()) {
        throw new IllegalArgumentException("virtual_server " + a + " needs a protocol");
      }
      if (ops && protocol.get() != LvsProtocol.UDP) {
        throw new IllegalArgumentException("one-packet scheduling (ops) requires UDP");
      }
      if (a.port() == 0 && persistenceTimeout.isEmpty()) {
        throw new IllegalArgumentException("virtual_server " + a + ": a zero port is only valid for persistent services");
      }
      if (ipFamily.isPresent() && ipFamily.get() != LvsIpFamily.of(a.ip())) {
        throw new IllegalArgumentException("ip_family " + ipFamily.get().keyword() + " conflicts with " + a);
      }
    } else if (endpoint instanceof VirtualServerEndpoint.Fwmark) {
      if (protocol.isPresent()) {
        throw new IllegalArgumentException("a fwmark virtual server has no protocol");
      }
      if (haSuspend) {
        throw new IllegalArgumentException("ha_suspend cannot be used with fwmarks");
      }
    } else if (!(endpoint instanceof VirtualServerEndpoint.Group)) {
      throw new AssertionError(endpoint);
    }
    Set<String> seen = new HashSet<>();
    for (RealServer rs : realServers) {
      if (!seen.add(rs.ip().getHostAddress() + "/" + rs.port())) {
        throw new IllegalArgumentException("real_server " + rs.ip().getHostAddress() + " " + rs.port() + " is duplicated");
      }
    }
  }

  private static void checkGranularity(String g) {
    if (UP_TO_3_DIGITS.matcher(g).matches()) {
      LvsChecks.range("IPv6 persistence_granularity", Integer.parseInt(g), 1, 128);
    } else if (!DIGITS_AND_DOTS.matcher(g).matches() || !(parseIpv4(g) instanceof java.net.Inet4Address)) {
      throw new IllegalArgumentException("persistence_granularity is neither an IPv4 netmask nor a prefix length: " + g);
    }
  }

  private static InetAddress parseIpv4(String g) {
    try {
      return DOTTED_QUAD.matcher(g).matches() ? InetAddress.getByName(g) : null;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /** The total weight of the real servers, which keepalived compares the quorum with. */
  public long realServerWeightSum() {
    return realServers.stream().mapToLong(RealServer::weight).sum();
  }

  /** A builder for {@code virtual_server IP PORT}, every option at keepalived's default. */
  public static Builder builder(InetAddress ip, int port) {
    return new Builder(new VirtualServerEndpoint.Address(ip, port));
  }

  /** A builder for any endpoint, every option at keepalived's default. */
  public static Builder builder(VirtualServerEndpoint endpoint) {
    return new Builder(endpoint);
  }

  public Builder toBuilder() {
    Builder b = new Builder(endpoint);
    b.ipFamily = ipFamily;
    b.delayLoop = delayLoop;
    b.lvsSched = lvsSched;
    b.lvsMethod = lvsMethod;
    b.tunnel = tunnel;
    b.protocol = protocol;
    b.persistenceTimeout = persistenceTimeout;
    b.persistenceGranularity = persistenceGranularity;
    b.persistenceEngine = persistenceEngine;
    b.ops = ops;
    b.hashed = hashed;
    b.flag1 = flag1;
    b.flag2 = flag2;
    b.flag3 = flag3;
    b.shPort = shPort;
    b.shFallback = shFallback;
    b.mhPort = mhPort;
    b.mhFallback = mhFallback;
    b.sorryServer = sorryServer;
    b.quorum = quorum;
    b.quorumUp = quorumUp;
    b.quorumDown = quorumDown;
    b.hysteresis = hysteresis;
    b.alpha = alpha;
    b.omega = omega;
    b.inhibitOnFailure = inhibitOnFailure;
    b.virtualhost = virtualhost;
    b.haSuspend = haSuspend;
    b.retry = retry;
    b.connectTimeout = connectTimeout;
    b.delayBeforeRetry = delayBeforeRetry;
    b.warmup = warmup;
    b.smtpAlert = smtpAlert;
    b.snmpName = snmpName;
    b.weight = weight;
    b.realServers.addAll(realServers);
    b.position = position;
    return b;
  }

  /** Builds {@link VirtualServer}s; every option starts at keepalived's default. */
  public static final class Builder implements ServerOptionsBuilder<Builder> {
    private VirtualServerEndpoint endpoint;
    private Optional<LvsIpFamily> ipFamily = Optional.empty();
    private Duration delayLoop = DEFAULT_DELAY_LOOP;
    private LvsScheduler lvsSched = LvsScheduler.WLC;
    private LvsMethod lvsMethod = LvsMethod.NAT;
    private Optional<LvsTunnel> tunnel = Optional.empty();
    private Optional<LvsProtocol> protocol = Optional.empty();
    private Optional<Duration> persistenceTimeout = Optional.empty();
    private Optional<String> persistenceGranularity = Optional.empty();
    private Optional<String> persistenceEngine = Optional.empty();
    private boolean ops;
    private boolean hashed;
    private boolean flag1;
    private boolean flag2;
    private boolean flag3;
    private boolean shPort;
    private boolean shFallback;
    private boolean mhPort;
    private boolean mhFallback;
    private Optional<SorryServer> sorryServer = Optional.empty();
    private long quorum = 1;
    private Optional<Script> quorumUp = Optional.empty();
    private Optional<Script> quorumDown = Optional.empty();
    private long hysteresis;
    private boolean alpha;
    private boolean omega;
    private boolean inhibitOnFailure;
    private Optional<String> virtualhost = Optional.empty();
    private boolean haSuspend;
    private Optional<Long> retry = Optional.empty();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Optional<Duration> delayBeforeRetry = Optional.empty();
    private Optional<Duration> warmup = Optional.empty();
    private Optional<Boolean> smtpAlert = Optional.empty();
    private Optional<String> snmpName = Optional.empty();
    private int weight = 1;
    private final List<RealServer> realServers = new ArrayList<>();
    private SourcePosition position = SourcePosition.NONE;

    private Builder(VirtualServerEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
    }

    public Builder endpoint(VirtualServerEndpoint v) {
      endpoint = Objects.requireNonNull(v);
      return this;
    }

    public Builder ipFamily(LvsIpFamily v) {
      ipFamily = Optional.of(v);
      return this;
    }

    public Builder delayLoop(Duration v) {
      delayLoop = v;
      return this;
    }

    public Builder lvsSched(LvsScheduler v) {
      lvsSched = v;
      return this;
    }

    /** Sets the method; {@code TUN} gets plain IPIP ({@link LvsTunnel#IPIP}). */
    public Builder lvsMethod(LvsMethod v) {
      lvsMethod = v;
      tunnel = v == LvsMethod.TUN ? Optional.of(LvsTunnel.IPIP) : Optional.empty();
      return this;
    }

    /** {@code lvs_method TUN} with tunnel options. */
    public Builder tunnel(LvsTunnel v) {
      lvsMethod = LvsMethod.TUN;
      tunnel = Optional.of(v);
      return this;
    }

    public Builder protocol(LvsProtocol v) {
      protocol = Optional.ofNullable(v);
      return this;
    }

    public Builder persistenceTimeout(Duration v) {
      persistenceTimeout = Optional.ofNullable(v);
      return this;
    }

    public Builder persistenceGranularity(String v) {
      persistenceGranularity = Optional.of(v);
      return this;
    }

    public Builder persistenceEngine(String v) {
      persistenceEngine = Optional.of(v);
      return this;
    }

    public Builder ops(boolean v) {
      ops = v;
      return this;
    }

    public Builder hashed(boolean v) {
      hashed = v;
      return this;
    }

    public Builder flag1(boolean v) {
      flag1 = v;
      return this;
    }

    public Builder flag2(boolean v) {
      flag2 = v;
      return this;
    }

    public Builder flag3(boolean v) {
      flag3 = v;
      return this;
    }

    public Builder shPort(boolean v) {
      shPort = v;
      return this;
    }

    public Builder shFallback(boolean v) {
      shFallback = v;
      return this;
    }

    public Builder mhPort(boolean v) {
      mhPort = v;
      return this;
    }

    public Builder mhFallback(boolean v) {
      mhFallback = v;
      return this;
    }

    public Builder sorryServer(SorryServer v) {
      sorryServer = Optional.ofNullable(v);
      return this;
    }

    public Builder quorum(long v) {
      quorum = v;
      return this;
    }

    public Builder quorumUp(Script v) {
      quorumUp = Optional.of(v);
      return this;
    }

    public Builder quorumDown(Script v) {
      quorumDown = Optional.of(v);
      return this;
    }

    public Builder hysteresis(long v) {
      hysteresis = v;
      return this;
    }

    public Builder alpha(boolean v) {
      alpha = v;
      return this;
    }

    public Builder omega(boolean v) {
      omega = v;
      return this;
    }

    public Builder inhibitOnFailure(boolean v) {
      inhibitOnFailure = v;
      return this;
    }

    public Builder virtualhost(String v) {
      virtualhost = Optional.of(v);
      return this;
    }

    public Builder haSuspend(boolean v) {
      haSuspend = v;
      return this;
    }

    public Builder retry(long v) {
      retry = Optional.of(v);
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    public Builder delayBeforeRetry(Duration v) {
      delayBeforeRetry = Optional.of(v);
      return this;
    }

    public Builder warmup(Duration v) {
      warmup = Optional.of(v);
      return this;
    }

    public Builder smtpAlert(boolean v) {
      smtpAlert = Optional.of(v);
      return this;
    }

    public Builder snmpName(String v) {
      snmpName = Optional.of(v);
      return this;
    }

    public Builder weight(int v) {
      weight = v;
      return this;
    }

    public Builder realServer(RealServer v) {
      realServers.add(Objects.requireNonNull(v));
      return this;
    }

    /** Replaces the real servers. */
    public Builder realServers(List<RealServer> v) {
      realServers.clear();
      realServers.addAll(v);
      return this;
    }

    public Builder position(SourcePosition v) {
      position = Objects.requireNonNull(v);
      return this;
    }

    public VirtualServer build() {
      return new VirtualServer(endpoint, ipFamily, delayLoop, lvsSched, lvsMethod, tunnel, protocol, persistenceTimeout,
          persistenceGranularity, persistenceEngine, ops, hashed, flag1, flag2, flag3, shPort, shFallback, mhPort,
          mhFallback, sorryServer, quorum, quorumUp, quorumDown, hysteresis, alpha, omega, inhibitOnFailure,
          virtualhost, haSuspend, retry, connectTimeout, delayBeforeRetry, warmup, smtpAlert, snmpName, weight,
          realServers, position);
    }
  }
}
