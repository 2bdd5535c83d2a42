package io.keepalivedj;

import io.keepalivedj.check.CheckOptions;
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
import io.keepalivedj.config.model.TcpChecker;
import io.keepalivedj.config.model.UdpChecker;
import io.keepalivedj.config.model.VirtualServer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The timing options one checker runs with, each resolved as keepalived 2.2.7 resolves it
 * ({@code validate_check_config}, check/check_data.c; the model's {@link CheckerCommon} and
 * {@link RealServer} docs): the checker's own value, else its real server's, else its virtual
 * server's, else the checker type's default.
 *
 * @param delayLoop        {@code delay_loop}: checker, real server, virtual server (60 s default there)
 * @param connectTimeout   {@code connect_timeout}: checker, real server, virtual server (5 s default there)
 * @param retry            {@code retry}: checker, real server, virtual server, then
 *                         {@link CheckerConfig#defaultRetry()} (1; DNS_CHECK 3; MISC_CHECK 0)
 * @param delayBeforeRetry {@code delay_before_retry}: checker, real server, virtual server, then
 *                         {@link CheckerConfig#defaultDelayBeforeRetry()} (3 s for HTTP_GET/SSL_GET,
 *                         1 s otherwise), then {@code delay_loop} (DNS_CHECK)
 * @param warmup           {@code warmup}: checker, real server, virtual server, then {@code delay_loop}
 * @param alpha            {@code alpha}: checker, real server, virtual server
 * @param logAllFailures   {@code log_all_failures}: the checker's only
 */
public record CheckTimings(
    Duration delayLoop,
    Duration connectTimeout,
    long retry,
    Duration delayBeforeRetry,
    Duration warmup,
    boolean alpha,
    boolean logAllFailures) {

  public CheckTimings {
    positive(delayLoop, "delay_loop");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (retry < 0) {
      throw new IllegalArgumentException("retry must be >= 0: " + retry);
    }
    notNegative(delayBeforeRetry, "delay_before_retry");
    notNegative(warmup, "warmup");
  }

  /** The effective timings of checker {@code c} of real server {@code rs} of virtual server {@code vs}. */
  public static CheckTimings resolve(VirtualServer vs, RealServer rs, CheckerConfig c) {
    Objects.requireNonNull(vs, "vs");
    Objects.requireNonNull(rs, "rs");
    Objects.requireNonNull(c, "c");
    Optional<CheckerCommon> common = common(c);
    Duration delayLoop = common.flatMap(CheckerCommon::delayLoop).or(rs::delayLoop).orElse(vs.delayLoop());
    Duration connectTimeout = common.flatMap(CheckerCommon::connectTimeout).or(rs::connectTimeout)
        .orElse(vs.connectTimeout());
    long retry = common.flatMap(CheckerCommon::retry).or(rs::retry).or(vs::retry).orElse(c.defaultRetry());
    Duration delayBeforeRetry = common.flatMap(CheckerCommon::delayBeforeRetry).or(rs::delayBeforeRetry)
        .or(vs::delayBeforeRetry).or(c::defaultDelayBeforeRetry).orElse(delayLoop);
    Duration warmup = common.flatMap(CheckerCommon::warmup).or(rs::warmup).or(vs::warmup).orElse(delayLoop);
    Optional<Boolean> ownAlpha = c instanceof BfdChecker b ? b.alpha() : common.flatMap(CheckerCommon::alpha);
    boolean alpha = ownAlpha.or(rs::alpha).orElse(vs.alpha());
    boolean logAllFailures = common.map(CheckerCommon::logAllFailures).orElse(false);
    return new CheckTimings(delayLoop, connectTimeout, retry, delayBeforeRetry, warmup, alpha, logAllFailures);
  }

  /**
   * The health-check engine's options with these values.
   *
   * @throws IllegalArgumentException when a value is outside what the engine takes (a retry above
   *     2147483647, a zero connect_timeout)
   */
  public CheckOptions toCheckOptions() {
    if (retry > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("retry " + retry + " is above " + Integer.MAX_VALUE);
    }
    return new CheckOptions(connectTimeout, (int) retry, delayBeforeRetry, delayLoop, warmup, alpha, logAllFailures);
  }

  /** The options shared by connecting checkers; FILE_CHECK and BFD_CHECK have none. */
  static Optional<CheckerCommon> common(CheckerConfig c) {
    if (c instanceof HttpGetChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof TcpChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof MiscChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof SmtpChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof DnsChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof UdpChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof PingChecker x) {
      return Optional.of(x.common());
    } else if (c instanceof FileChecker || c instanceof BfdChecker) {
      return Optional.empty();
    }
    throw new AssertionError(c);
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be > 0: " + d);
    }
  }

  private static void notNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must be >= 0: " + d);
    }
  }
}
