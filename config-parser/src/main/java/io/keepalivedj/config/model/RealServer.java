package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code real_server IP [PORT] { ... }} inside a virtual server. Options left unset here take the
 * virtual server's value (keepalived 2.2.7 {@code validate_check_config}).
 *
 * @param ip its address
 * @param port 1..65535; 0 when none, which after binding only a fwmark or group service's real
 *     server has (keepalived gives a real server without port the virtual server's, and resets a
 *     differing one to it unless NAT)
 * @param weight {@code weight}, 0..2147483647; default the virtual server's {@code weight} (1)
 * @param lvsMethod {@code lvs_method}; default the virtual server's
 * @param tunnel the {@code TUN} options of {@code lvs_method TUN ...}; present exactly when
 *     {@code lvsMethod} is {@code TUN}
 * @param uthreshold {@code uthreshold}: upper connection threshold, 0..4294967295, 0 for none;
 *     default 0
 * @param lthreshold {@code lthreshold}: lower connection threshold, 0..4294967295; default 0
 * @param inhibitOnFailure {@code inhibit_on_failure}: on failure set weight 0 rather than
 *     remove; default the virtual server's (false)
 * @param notifyUp {@code notify_up}: script run when it comes up; default none
 * @param notifyDown {@code notify_down}: script run when it goes down; default none
 * @param alpha {@code alpha}: checkers start failed; default the virtual server's (false)
 * @param retry {@code retry}, 1..4294967295; default the virtual server's, then the checker's
 * @param delayBeforeRetry {@code delay_before_retry}; default the virtual server's, then the
 *     checker's
 * @param warmup {@code warmup}; default the virtual server's, then {@code delay_loop}
 * @param connectTimeout {@code connect_timeout}, up to 4294.967295 s; default the virtual
 *     server's (5 s)
 * @param delayLoop {@code delay_loop}; default the virtual server's (60 s)
 * @param smtpAlert {@code smtp_alert}; default global_defs {@code smtp_alert_checker}, then
 *     {@code smtp_alert}, else true (keepalived keeps this real-server default true for
 *     compatibility)
 * @param virtualhost {@code virtualhost}: HTTP Host for its checkers; default the virtual
 *     server's
 * @param snmpName {@code snmp_name}; default none
 * @param checkers its checker blocks, in file order
 * @param position where the {@code real_server} keyword is
 */
public record RealServer(
    InetAddress ip,
    int port,
    int weight,
    Optional<LvsMethod> lvsMethod,
    Optional<LvsTunnel> tunnel,
    long uthreshold,
    long lthreshold,
    Optional<Boolean> inhibitOnFailure,
    Optional<Script> notifyUp,
    Optional<Script> notifyDown,
    Optional<Boolean> alpha,
    Optional<Long> retry,
    Optional<Duration> delayBeforeRetry,
    Optional<Duration> warmup,
    Optional<Duration> connectTimeout,
    Optional<Duration> delayLoop,
    Optional<Boolean> smtpAlert,
    Optional<String> virtualhost,
    Optional<String> snmpName,
    List<CheckerConfig> checkers,
    SourcePosition position) {

  public RealServer {
    Objects.requireNonNull(ip, "ip");
    LvsChecks.port("port", port, true);
    LvsChecks.range("weight", weight, 0, LvsChecks.WEIGHT_MAX);
    LvsChecks.tunnel(lvsMethod, tunnel);
    LvsChecks.range("uthreshold", uthreshold, 0, LvsChecks.UINT32_MAX);
    LvsChecks.range("lthreshold", lthreshold, 0, LvsChecks.UINT32_MAX);
    Objects.requireNonNull(inhibitOnFailure, "inhibitOnFailure");
    Objects.requireNonNull(notifyUp, "notifyUp");
    Objects.requireNonNull(notifyDown, "notifyDown");
    Objects.requireNonNull(alpha, "alpha");
    LvsChecks.range("retry", retry, 1, LvsChecks.UINT32_MAX);
    LvsChecks.timer("delayBeforeRetry", delayBeforeRetry, Duration.ZERO);
    LvsChecks.timer("warmup", warmup, Duration.ZERO);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    connectTimeout.ifPresent(d -> LvsChecks.connectTimeout("connectTimeout", d));
    LvsChecks.timer("delayLoop", delayLoop, LvsChecks.MICROSECOND);
    Objects.requireNonNull(smtpAlert, "smtpAlert");
    LvsChecks.text("virtualhost", virtualhost);
    LvsChecks.text("snmpName", snmpName);
    checkers = List.copyOf(checkers);
    Objects.requireNonNull(position, "position");
  }

  /** A builder for {@code real_server ip port} with every option at its default. */
  public static Builder builder(InetAddress ip, int port) {
    return new Builder(ip, port);
  }

  public Builder toBuilder() {
    Builder b = new Builder(ip, port);
    b.weight = weight;
    b.lvsMethod = lvsMethod;
    b.tunnel = tunnel;
    b.uthreshold = uthreshold;
    b.lthreshold = lthreshold;
    b.inhibitOnFailure = inhibitOnFailure;
    b.notifyUp = notifyUp;
    b.notifyDown = notifyDown;
    b.alpha = alpha;
    b.retry = retry;
    b.delayBeforeRetry = delayBeforeRetry;
    b.warmup = warmup;
    b.connectTimeout = connectTimeout;
    b.delayLoop = delayLoop;
    b.smtpAlert = smtpAlert;
    b.virtualhost = virtualhost;
    b.snmpName = snmpName;
    b.checkers.addAll(checkers);
    b.position = position;
    return b;
  }

  /** Builds {@link RealServer}s; every option starts at its default. */
  public static final class Builder implements ServerOptionsBuilder<Builder> {
    private InetAddress ip;
    private int port;
    private int weight = 1;
    private Optional<LvsMethod> lvsMethod = Optional.empty();
    private Optional<LvsTunnel> tunnel = Optional.empty();
    private long uthreshold;
    private long lthreshold;
    private Optional<Boolean> inhibitOnFailure = Optional.empty();
    private Optional<Script> notifyUp = Optional.empty();
    private Optional<Script> notifyDown = Optional.empty();
    private Optional<Boolean> alpha = Optional.empty();
    private Optional<Long> retry = Optional.empty();
    private Optional<Duration> delayBeforeRetry = Optional.empty();
    private Optional<Duration> warmup = Optional.empty();
    private Optional<Duration> connectTimeout = Optional.empty();
    private Optional<Duration> delayLoop = Optional.empty();
    private Optional<Boolean> smtpAlert = Optional.empty();
    private Optional<String> virtualhost = Optional.empty();
    private Optional<String> snmpName = Optional.empty();
    private final List<CheckerConfig> checkers = new ArrayList<>();
    private SourcePosition position = SourcePosition.NONE;

    private Builder(InetAddress ip, int port) {
      this.ip = ip;
      this.port = port;
    }

    public Builder ip(InetAddress v) {
      ip = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder weight(int v) {
      weight = v;
      return this;
    }

    /** Sets the method; {@code TUN} gets plain IPIP ({@link LvsTunnel#IPIP}). */
    public Builder lvsMethod(LvsMethod v) {
      lvsMethod = Optional.of(v);
      tunnel = v == LvsMethod.TUN ? Optional.of(LvsTunnel.IPIP) : Optional.empty();
      return this;
    }

    /** {@code lvs_method TUN} with tunnel options. */
    public Builder tunnel(LvsTunnel v) {
      lvsMethod = Optional.of(LvsMethod.TUN);
      tunnel = Optional.of(v);
      return this;
    }

    public Builder uthreshold(long v) {
      uthreshold = v;
      return this;
    }

    public Builder lthreshold(long v) {
      lthreshold = v;
      return this;
    }

    public Builder inhibitOnFailure(boolean v) {
      inhibitOnFailure = Optional.of(v);
      return this;
    }

    public Builder notifyUp(Script v) {
      notifyUp = Optional.of(v);
      return this;
    }

    public Builder notifyDown(Script v) {
      notifyDown = Optional.of(v);
      return this;
    }

    public Builder alpha(boolean v) {
      alpha = Optional.of(v);
      return this;
    }

    public Builder retry(long v) {
      retry = Optional.of(v);
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

    public Builder connectTimeout(Duration v) {
      connectTimeout = Optional.of(v);
      return this;
    }

    public Builder delayLoop(Duration v) {
      delayLoop = Optional.of(v);
      return this;
    }

    public Builder smtpAlert(boolean v) {
      smtpAlert = Optional.of(v);
      return this;
    }

    public Builder virtualhost(String v) {
      virtualhost = Optional.of(v);
      return this;
    }

    public Builder snmpName(String v) {
      snmpName = Optional.of(v);
      return this;
    }

    public Builder checker(CheckerConfig v) {
      checkers.add(Objects.requireNonNull(v));
      return this;
    }

    public Builder position(SourcePosition v) {
      position = Objects.requireNonNull(v);
      return this;
    }

    public RealServer build() {
      return new RealServer(ip, port, weight, lvsMethod, tunnel, uthreshold, lthreshold, inhibitOnFailure, notifyUp,
          notifyDown, alpha, retry, delayBeforeRetry, warmup, connectTimeout, delayLoop, smtpAlert, virtualhost,
          snmpName, checkers, position);
    }
  }
}
