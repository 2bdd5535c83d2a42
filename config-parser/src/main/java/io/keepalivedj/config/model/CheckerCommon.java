package io.keepalivedj.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The options every connecting checker shares (keepalived 2.2.7 {@code check/check_api.c},
 * {@code install_checker_common_keywords}). An unset timing option falls back to the real
 * server's, then the virtual server's, then the checker type's default ({@link CheckerConfig}).
 * {@code MISC_CHECK} takes only the options from {@code retry} on; {@code BFD_CHECK} and
 * {@code FILE_CHECK} take none of them.
 *
 * @param connectIp {@code connect_ip}: address to check; default the real server's
 * @param connectPort {@code connect_port}: 1..65535; default the real server's port
 * @param bindto {@code bindto}: source address; default chosen by the kernel
 * @param bindPort {@code bind_port}: source port, 1..65535; default chosen by the kernel
 * @param bindIf {@code bind_if}: source interface (required for an IPv6 link-local target); at
 *     most 15 characters
 * @param connectTimeout {@code connect_timeout}: up to 4294.967295 s; default the real server's,
 *     then the virtual server's (5 s)
 * @param fwmark {@code fwmark}: SO_MARK of the checker's socket, 0..4294967295; default none
 * @param retry {@code retry} (deprecated alias {@code nb_get_retry} in HTTP_GET/SSL_GET):
 *     0..4294967295 failures before the server is marked down; default the real server's, then
 *     the virtual server's, then the checker type's ({@link CheckerConfig#defaultRetry()})
 * @param delayBeforeRetry {@code delay_before_retry}; default the real server's, then the virtual
 *     server's, then the checker type's ({@link CheckerConfig#defaultDelayBeforeRetry()})
 * @param warmup {@code warmup}: upper bound of a random delay before the first check, 0 to
 *     disable; default the real server's, then the virtual server's, then {@code delay_loop}
 * @param delayLoop {@code delay_loop}: interval between checks, above 0; default the real
 *     server's, then the virtual server's (60 s)
 * @param alpha {@code alpha}: start the checker in the failed state; default the real server's
 *     {@code alpha}, then the virtual server's (false)
 * @param logAllFailures {@code log_all_failures}: log every failed check, not only state changes;
 *     default false
 */
public record CheckerCommon(
    Optional<InetAddress> connectIp,
    Optional<Integer> connectPort,
    Optional<InetAddress> bindto,
    Optional<Integer> bindPort,
    Optional<String> bindIf,
    Optional<Duration> connectTimeout,
    Optional<Long> fwmark,
    Optional<Long> retry,
    Optional<Duration> delayBeforeRetry,
    Optional<Duration> warmup,
    Optional<Duration> delayLoop,
    Optional<Boolean> alpha,
    boolean logAllFailures) {

  /** Every option unset. */
  public static final CheckerCommon DEFAULTS = builder().build();

  public CheckerCommon {
    Objects.requireNonNull(connectIp, "connectIp");
    LvsChecks.range("connectPort", connectPort, 1, 65535);
    Objects.requireNonNull(bindto, "bindto");
    LvsChecks.range("bindPort", bindPort, 1, 65535);
    LvsChecks.interfaceName(bindIf);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    connectTimeout.ifPresent(d -> LvsChecks.connectTimeout("connectTimeout", d));
    LvsChecks.range("fwmark", fwmark, 0, LvsChecks.UINT32_MAX);
    LvsChecks.range("retry", retry, 0, LvsChecks.UINT32_MAX);
    LvsChecks.timer("delayBeforeRetry", delayBeforeRetry, Duration.ZERO);
    LvsChecks.timer("warmup", warmup, Duration.ZERO);
    LvsChecks.timer("delayLoop", delayLoop, LvsChecks.MICROSECOND);
    Objects.requireNonNull(alpha, "alpha");
    if (connectIp.isPresent() && bindto.isPresent()
        && connectIp.get().getClass() != bindto.get().getClass()) {
      throw new IllegalArgumentException("connect_ip " + connectIp.get().getHostAddress()
          + " and bindto " + bindto.get().getHostAddress() + " are of different families");
    }
  }

  /** Whether any connection option ({@code connect_ip} .. {@code fwmark}) is set. */
  public boolean hasConnectionOptions() {
    return connectIp.isPresent() || connectPort.isPresent() || bindto.isPresent() || bindPort.isPresent()
        || bindIf.isPresent() || connectTimeout.isPresent() || fwmark.isPresent();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectIp = connectIp;
    b.connectPort = connectPort;
    b.bindto = bindto;
    b.bindPort = bindPort;
    b.bindIf = bindIf;
    b.connectTimeout = connectTimeout;
    b.fwmark = fwmark;
    b.retry = retry;
    b.delayBeforeRetry = delayBeforeRetry;
    b.warmup = warmup;
    b.delayLoop = delayLoop;
    b.alpha = alpha;
    b.logAllFailures = logAllFailures;
    return b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CheckerCommon}s; every option starts unset. */
  public static final class Builder {
    private Optional<InetAddress> connectIp = Optional.empty();
    private Optional<Integer> connectPort = Optional.empty();
    private Optional<InetAddress> bindto = Optional.empty();
    private Optional<Integer> bindPort = Optional.empty();
    private Optional<String> bindIf = Optional.empty();
    private Optional<Duration> connectTimeout = Optional.empty();
    private Optional<Long> fwmark = Optional.empty();
    private Optional<Long> retry = Optional.empty();
    private Optional<Duration> delayBeforeRetry = Optional.empty();
    private Optional<Duration> warmup = Optional.empty();
    private Optional<Duration> delayLoop = Optional.empty();
    private Optional<Boolean> alpha = Optional.empty();
    private boolean logAllFailures;

    private Builder() {}

    public Builder connectIp(InetAddress v) {
      connectIp = Optional.of(v);
      return this;
    }

    public Builder connectPort(int v) {
      connectPort = Optional.of(v);
      return this;
    }

    public Builder bindto(InetAddress v) {
      bindto = Optional.of(v);
      return this;
    }

    public Builder bindPort(int v) {
      bindPort = Optional.of(v);
      return this;
    }

    public Builder bindIf(String v) {
      bindIf = Optional.of(v);
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = Optional.of(v);
      return this;
    }

    public Builder fwmark(long v) {
      fwmark = Optional.of(v);
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

    public Builder delayLoop(Duration v) {
      delayLoop = Optional.of(v);
      return this;
    }

    public Builder alpha(boolean v) {
      alpha = Optional.of(v);
      return this;
    }

    public Builder logAllFailures(boolean v) {
      logAllFailures = v;
      return this;
    }

    public CheckerCommon build() {
      return new CheckerCommon(connectIp, connectPort, bindto, bindPort, bindIf, connectTimeout, fwmark, retry,
          delayBeforeRetry, warmup, delayLoop, alpha, logAllFailures);
    }
  }
}
