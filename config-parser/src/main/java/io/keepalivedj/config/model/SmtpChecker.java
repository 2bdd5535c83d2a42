package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SMTP_CHECK { ... }}: the server greets, answers HELO and QUIT.
 *
 * @param common connection and timing options
 * @param heloName {@code helo_name}; default {@code smtpchecker.keepalived.org}
 * @param host the deprecated {@code host { ... }} sub-blocks, each an extra target checked with
 *     the same settings; empty when none (keepalived logs that the block is deprecated)
 * @param position where the keyword is
 */
public record SmtpChecker(CheckerCommon common, String heloName, List<Host> host, SourcePosition position)
    implements CheckerConfig {

  /** {@code SMTP_DEFAULT_HELO}, keepalived include/check_smtp.h. */
  public static final String DEFAULT_HELO_NAME = "smtpchecker.keepalived.org";

  public SmtpChecker {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(heloName, "heloName");
    if (heloName.isEmpty()) {
      throw new IllegalArgumentException("empty helo_name");
    }
    host = List.copyOf(host);
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "SMTP_CHECK";
  }

  /**
   * A legacy {@code host { ... }} block: its connection options (the timing options written
   * inside it apply to the whole checker, as in keepalived).
   *
   * @param connectIp {@code connect_ip}; default the real server's address
   * @param connectPort {@code connect_port}, 1..65535; default the real server's port
   * @param bindto {@code bindto}; default none
   * @param bindPort {@code bind_port}, 1..65535; default none
   * @param bindIf {@code bind_if}; default none
   * @param connectTimeout {@code connect_timeout}; default the checker's
   * @param fwmark {@code fwmark}, 0..4294967295; default none
   * @param position where the {@code host} keyword is
   */
  public record Host(
      Optional<InetAddress> connectIp,
      Optional<Integer> connectPort,
      Optional<InetAddress> bindto,
      Optional<Integer> bindPort,
      Optional<String> bindIf,
      Optional<Duration> connectTimeout,
      Optional<Long> fwmark,
      SourcePosition position) {

    public Host {
      // Reuse the checks of the common options: same keywords, same limits.
      new CheckerCommon(connectIp, connectPort, bindto, bindPort, bindIf, connectTimeout, fwmark, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
      Objects.requireNonNull(position, "position");
    }

    /** The host's connection options of {@code c}. */
    public static Host of(CheckerCommon c, SourcePosition position) {
      return new Host(c.connectIp(), c.connectPort(), c.bindto(), c.bindPort(), c.bindIf(), c.connectTimeout(),
          c.fwmark(), position);
    }
  }
}
