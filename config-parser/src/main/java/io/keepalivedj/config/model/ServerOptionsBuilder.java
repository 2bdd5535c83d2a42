package io.keepalivedj.config.model;

import java.time.Duration;

/**
 * What {@link VirtualServer.Builder} and {@link RealServer.Builder} both set: the options
 * {@code virtual_server} and {@code real_server} take with the same syntax (keepalived 2.2.7
 * check_parser.c; a real server's unset checker timings fall back to its virtual server's). The
 * binder reads these keywords in one place for both blocks.
 *
 * @param <B> the builder, returned for chaining
 */
public interface ServerOptionsBuilder<B> {
  /** {@code retry}, 1..4294967295. */
  B retry(long v);

  B delayBeforeRetry(Duration v);

  B warmup(Duration v);

  /** {@code connect_timeout}, up to 4294.967295 s. */
  B connectTimeout(Duration v);

  B delayLoop(Duration v);

  B smtpAlert(boolean v);

  /** {@code virtualhost}: the HTTP Host its HTTP/SSL checkers send. */
  B virtualhost(String v);

  B snmpName(String v);
}
