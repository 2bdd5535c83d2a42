package io.keepalivedj.config.model;

import java.util.regex.Pattern;
import io.keepalivedj.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code url { ... }} block of an {@code HTTP_GET}/{@code SSL_GET} checker: what to fetch and
 * what counts as a good answer.
 *
 * @param path {@code path}: the request path; required (keepalived drops a url without one)
 * @param digest {@code digest}: MD5 of the body as 32 lower-case hex digits; default none (the
 *     body is not checked)
 * @param statusCode {@code status_code}: accepted codes as ranges in 100..599, e.g.
 *     {@code status_code 200-299 404}; default {@code 200-299}
 * @param virtualhost {@code virtualhost}: Host header for this url; default the checker's
 * @param regex {@code regex}: a PCRE2 pattern the body must match; default none
 * @param regexNoMatch {@code regex_no_match}: the body must not match instead; default false
 * @param regexOptions {@code regex_options}: PCRE2 option names ({@link #REGEX_OPTIONS}); default
 *     none
 * @param regexMinOffset {@code regex_min_offset}: first body offset a match may start at;
 *     default 0
 * @param regexMaxOffset {@code regex_max_offset}: last body offset a match may start at, not
 *     below {@code regexMinOffset}; default none
 * @param regexStack {@code regex_stack START MAX}: PCRE2 JIT stack sizes in bytes; default none
 * @param tlsCompliant {@code tls_compliant} in an SSL_GET url (keepalived 2.2.8+): expect a
 *     proper TLS close; default false
 * @param position where the {@code url} keyword is
 */
public record UrlConfig(
    String path,
    Optional<String> digest,
    List<StatusCodeRange> statusCode,
    Optional<String> virtualhost,
    Optional<String> regex,
    boolean regexNoMatch,
    List<String> regexOptions,
    Optional<Long> regexMinOffset,
    Optional<Long> regexMaxOffset,
    Optional<RegexStack> regexStack,
    boolean tlsCompliant,
    SourcePosition position) {
  private static final Pattern MD5_HEX_LOWER = Pattern.compile("[0-9a-f]{32}");


  /** keepalived's default when no {@code status_code} is given: any 2xx. */
  public static final List<StatusCodeRange> DEFAULT_STATUS_CODES = List.of(new StatusCodeRange(200, 299));

  /** The option names {@code regex_options} accepts (keepalived 2.2.7 check_http.c, PCRE2 flags). */
  public static final Set<String> REGEX_OPTIONS = Set.of("allow_empty_class", "alt_bsux", "auto_callout",
      "caseless", "dollar_endonly", "dotall", "dupnames", "extended", "firstline", "match_unset_backref",
      "multiline", "never_ucp", "never_utf", "no_auto_capture", "no_auto_possess", "no_dotstar_anchor",
      "no_start_optimize", "ucp", "ungreedy", "utf", "never_backslash_c", "alt_circumflex", "alt_verbnames",
      "use_offset_limit");

  public UrlConfig {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a url needs a path");
    }
    Objects.requireNonNull(digest, "digest");
    digest.ifPresent(d -> {
      if (!MD5_HEX_LOWER.matcher(d).matches()) {
        throw new IllegalArgumentException("digest is not 32 lower-case hex digits: " + d);
      }
    });
    statusCode = List.copyOf(statusCode);
    if (statusCode.isEmpty()) {
      throw new IllegalArgumentException("a url accepts at least one status code");
    }
    LvsChecks.text("virtualhost", virtualhost);
    LvsChecks.text("regex", regex);
    regexOptions = List.copyOf(regexOptions);
    for (String o : regexOptions) {
      if (!REGEX_OPTIONS.contains(o)) {
        throw new IllegalArgumentException("unknown regex option: " + o);
      }
    }
    LvsChecks.range("regexMinOffset", regexMinOffset, 0, Long.MAX_VALUE);
    LvsChecks.range("regexMaxOffset", regexMaxOffset, 0, Long.MAX_VALUE);
    Objects.requireNonNull(regexStack, "regexStack");
    if (regex.isEmpty() && (regexNoMatch || !regexOptions.isEmpty() || regexMinOffset.isPresent()
        || regexMaxOffset.isPresent() || regexStack.isPresent())) {
      throw new IllegalArgumentException("regex parameters without a regex");
    }
    if (regexMaxOffset.isPresent() && regexMinOffset.orElse(0L) > regexMaxOffset.get()) {
      throw new IllegalArgumentException("regex_min_offset above regex_max_offset");
    }
    Objects.requireNonNull(position, "position");
  }

  /** A url fetching {@code path} with every other option at keepalived's default. */
  public static UrlConfig of(String path) {
    return builder(path).build();
  }

  /** Whether a response with this status code passes. */
  public boolean accepts(int code) {
    return statusCode.stream().anyMatch(r -> r.contains(code));
  }

  public static Builder builder(String path) {
    return new Builder(path);
  }

  /**
   * An inclusive range of HTTP status codes within 100..599; one code is a range of one.
   *
   * @param min first code
   * @param max last code, not below {@code min}
   */
  public record StatusCodeRange(int min, int max) {
    public StatusCodeRange {
      LvsChecks.range("status code", min, 100, 599);
      LvsChecks.range("status code", max, 100, 599);
      if (min > max) {
        throw new IllegalArgumentException("status code range " + min + "-" + max + " is reversed");
      }
    }

    public static StatusCodeRange of(int code) {
      return new StatusCodeRange(code, code);
    }

    public boolean contains(int code) {
      return code >= min && code <= max;
    }

    /** As written in the file: {@code 200} or {@code 200-299}. */
    @Override
    public String toString() {
      return min == max ? Integer.toString(min) : min + "-" + max;
    }
  }

  /**
   * {@code regex_stack START MAX}.
   *
   * @param start initial JIT stack size, bytes
   * @param max maximum JIT stack size, bytes, not below {@code start}
   */
  public record RegexStack(long start, long max) {
    public RegexStack {
      LvsChecks.range("regex_stack start", start, 0, Long.MAX_VALUE);
      if (max < start) {
        throw new IllegalArgumentException("regex_stack start " + start + " exceeds max " + max);
      }
    }
  }

  /** Builds {@link UrlConfig}s; every option starts at keepalived's default. */
  public static final class Builder {
    private String path;
    private Optional<String> digest = Optional.empty();
    private List<StatusCodeRange> statusCode = new ArrayList<>();
    private Optional<String> virtualhost = Optional.empty();
    private Optional<String> regex = Optional.empty();
    private boolean regexNoMatch;
    private final List<String> regexOptions = new ArrayList<>();
    private Optional<Long> regexMinOffset = Optional.empty();
    private Optional<Long> regexMaxOffset = Optional.empty();
    private Optional<RegexStack> regexStack = Optional.empty();
    private boolean tlsCompliant;
    private SourcePosition position = SourcePosition.NONE;

    private Builder(String path) {
      this.path = path;
    }

    public Builder path(String v) {
      path = v;
      return this;
    }

    public Builder digest(String v) {
      digest = Optional.of(v);
      return this;
    }

    /** Adds an accepted range; without any, the url accepts {@link #DEFAULT_STATUS_CODES}. */
    public Builder statusCode(StatusCodeRange v) {
      statusCode.add(v);
      return this;
    }

    public Builder statusCode(int code) {
      return statusCode(StatusCodeRange.of(code));
    }

    public Builder virtualhost(String v) {
      virtualhost = Optional.of(v);
      return this;
    }

    public Builder regex(String v) {
      regex = Optional.of(v);
      return this;
    }

    public Builder regexNoMatch(boolean v) {
      regexNoMatch = v;
      return this;
    }

    public Builder regexOption(String v) {
      regexOptions.add(v);
      return this;
    }

    public Builder regexMinOffset(long v) {
      regexMinOffset = Optional.of(v);
      return this;
    }

    public Builder regexMaxOffset(long v) {
      regexMaxOffset = Optional.of(v);
      return this;
    }

    public Builder regexStack(RegexStack v) {
      regexStack = Optional.of(v);
      return this;
    }

    public Builder tlsCompliant(boolean v) {
      tlsCompliant = v;
      return this;
    }

    public Builder position(SourcePosition v) {
      position = v;
      return this;
    }

    public UrlConfig build() {
      return new UrlConfig(path, digest, statusCode.isEmpty() ? DEFAULT_STATUS_CODES : statusCode, virtualhost, regex,
          regexNoMatch, regexOptions, regexMinOffset, regexMaxOffset, regexStack, tlsCompliant, position);
    }
  }
}
