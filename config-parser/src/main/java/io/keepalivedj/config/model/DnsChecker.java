package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DNS_CHECK { ... }}: a DNS query is answered.
 *
 * @param common connection and timing options; {@code retry} defaults to 3 here and
 *     {@code delay_before_retry} to {@code delay_loop}
 * @param type {@code type}; default {@link QueryType#SOA}
 * @param name {@code name}: the name queried, without empty labels; default {@code .} (the root)
 * @param position where the keyword is
 */
public record DnsChecker(CheckerCommon common, QueryType type, String name, SourcePosition position)
    implements CheckerConfig {

  public DnsChecker {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (!isValidName(name)) {
      throw new IllegalArgumentException("DNS_CHECK name has an empty label: '" + name + "'");
    }
    Objects.requireNonNull(position, "position");
  }

  /** A name keepalived accepts: not empty, no empty label ({@code ..}, or a leading dot before more). */
  public static boolean isValidName(String name) {
    return !name.isEmpty() && !name.contains("..") && !(name.startsWith(".") && name.length() > 1);
  }

  @Override
  public String keyword() {
    return "DNS_CHECK";
  }

  @Override
  public long defaultRetry() {
    return 3;
  }

  @Override
  public Optional<Duration> defaultDelayBeforeRetry() {
    return Optional.empty();
  }

  /** The query types keepalived 2.2.7 knows (check_dns.c), with their RR type codes (RFC 1035, 3596, 4034). */
  public enum QueryType implements KeywordEnum {
    A(1),
    NS(2),
    CNAME(5),
    SOA(6),
    MX(15),
    TXT(16),
    AAAA(28),
    RRSIG(46),
    DNSKEY(48);

    private final int code;

    QueryType(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    @Override
    public String keyword() {
      return name();
    }
  }
}
