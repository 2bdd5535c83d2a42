package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.Optional;

/**
 * One health checker of a real server. Dispatch with an {@code instanceof} chain over the
 * permitted records ending in {@code throw new AssertionError(x)}.
 */
public sealed interface CheckerConfig
    permits HttpGetChecker, TcpChecker, MiscChecker, SmtpChecker, DnsChecker, UdpChecker, PingChecker,
        FileChecker, BfdChecker {

  /** The block's keyword: {@code HTTP_GET}, {@code SSL_GET}, {@code TCP_CHECK}, ... */
  String keyword();

  /** Where the checker's keyword is. */
  SourcePosition position();

  /**
   * The {@code retry} this type uses when neither the checker, its real server nor its virtual
   * server sets one: 1, but 3 for DNS_CHECK and 0 for MISC_CHECK (keepalived 2.2.7
   * {@code queue_checker} and the checkers' handlers).
   */
  default long defaultRetry() {
    return 1;
  }

  /**
   * The {@code delay_before_retry} this type uses when nothing sets one: 1 s, but 3 s for
   * HTTP_GET/SSL_GET; empty for DNS_CHECK, which then waits {@code delay_loop}.
   */
  default Optional<Duration> defaultDelayBeforeRetry() {
    return Optional.of(Duration.ofSeconds(1));
  }
}
