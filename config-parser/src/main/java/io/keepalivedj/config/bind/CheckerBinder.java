package io.keepalivedj.config.bind;

import java.util.regex.Pattern;
import io.keepalivedj.config.model.BfdChecker;
import io.keepalivedj.config.model.CheckerCommon;
import io.keepalivedj.config.model.CheckerConfig;
import io.keepalivedj.config.model.DnsChecker;
import io.keepalivedj.config.model.FileChecker;
import io.keepalivedj.config.model.HttpGetChecker;
import io.keepalivedj.config.model.HttpProtocol;
import io.keepalivedj.config.model.MiscChecker;
import io.keepalivedj.config.model.PingChecker;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.model.SmtpChecker;
import io.keepalivedj.config.model.TcpChecker;
import io.keepalivedj.config.model.UdpChecker;
import io.keepalivedj.config.model.UrlConfig;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds the checker blocks of a real server. Keywords per checker are keepalived 2.2.7's
 * ({@code install_*_check_keyword} in check/check_*.c), plus {@code sni_name} and
 * {@code tls_compliant} of later releases. A checker keepalived would drop (no url, no
 * misc_path, unknown track_file, ...) is reported and left out.
 */
final class CheckerBinder {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9A-Fa-f]{32}");
  private static final Pattern STATUS_CODE_OR_RANGE = Pattern.compile("[0-9]{1,9}(-[0-9]{1,9})?");
  private static final Pattern UP_TO_18_DIGITS = Pattern.compile("[0-9]{1,18}");

  static final Set<String> KEYWORDS = Set.of("HTTP_GET", "SSL_GET", "TCP_CHECK", "MISC_CHECK", "SMTP_CHECK",
      "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK");

  /** {@code BFD_INAME_MAX - 1}, keepalived include/bfd.h. */
  private static final int BFD_NAME_MAX = 31;

  private CheckerBinder() {}

  static boolean handles(String keyword) {
    return KEYWORDS.contains(keyword);
  }

  /**
   * Binds one checker block of the real server at {@code rsAddress}; {@code rsBfds} holds the
   * BFD instances the real server already follows, and gains this one's.
   */
  static Optional<CheckerConfig> bind(ConfigNode node, BindContext ctx, InetAddress rsAddress, LvsReferences refs,
      Set<String> rsBfds) {
    if (!ctx.requireBlock(node)) {
      return Optional.empty();
    }
    switch (node.name()) {
      case "HTTP_GET":
      case "SSL_GET":
        return httpGet(node, ctx, rsAddress);
      case "TCP_CHECK": {
        CommonDraft c = new CommonDraft();
        for (ConfigNode n : node.children()) {
          if (!c.read(n, ctx, true)) {
            LvsBinder.unknown(n, "TCP_CHECK", ctx);
          }
        }
        return c.usable(node, rsAddress, ctx) ? Optional.of(new TcpChecker(c.build(), node.position())) : Optional.empty();
      }
      case "PING_CHECK": {
        CommonDraft c = new CommonDraft();
        for (ConfigNode n : node.children()) {
          if (!c.read(n, ctx, true)) {
            LvsBinder.unknown(n, "PING_CHECK", ctx);
          }
        }
        return c.usable(node, rsAddress, ctx) ? Optional.of(new PingChecker(c.build(), node.position())) : Optional.empty();
      }
      case "MISC_CHECK":
        return misc(node, ctx);
      case "SMTP_CHECK":
        return smtp(node, ctx, rsAddress);
      case "DNS_CHECK":
        return dns(node, ctx, rsAddress);
      case "UDP_CHECK":
        return udp(node, ctx, rsAddress);
      case "FILE_CHECK":
        return file(node, ctx, refs);
      case "BFD_CHECK":
        return bfd(node, ctx, refs, rsBfds);
      default:
        throw new AssertionError(node.name());
    }
  }

  // ---- HTTP_GET / SSL_GET ---------------------------------------------------------------

  private static Optional<CheckerConfig> httpGet(ConfigNode node, BindContext ctx, InetAddress rsAddress) {
    boolean ssl = node.name().equals("SSL_GET");
    CommonDraft c = new CommonDraft();
    HttpGetChecker.Builder b = HttpGetChecker.builder().sslGet(ssl).position(node.position());
    Optional<String> sniName = Optional.empty();
    boolean enableSni = false;
    int urls = 0;
    for (ConfigNode n : node.children()) {
      if (c.read(n, ctx, true)) {
        continue;
      }
      switch (n.name()) {
        case "nb_get_retry": {
          // keepalived 2.2.7 still applies it, but reports it as a configuration error.
          ctx.error(n, "nb_get_retry is deprecated", "retry");
          OptionalLong v = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
          if (v.isPresent()) {
            c.retry = Optional.of(v.getAsLong());
          }
          break;
        }
        case "virtualhost":
          LvsValues.text(n, ctx, "a host name").ifPresent(b::virtualhost);
          break;
        case "http_protocol":
          ctx.arg(n, 0, "1.0, 1.0C or 1.1").ifPresent(t -> {
            switch (t.text()) {
              case "1.0":
                b.httpProtocol(HttpProtocol.HTTP_1_0);
                break;
              case "1.1":
                b.httpProtocol(HttpProtocol.HTTP_1_1);
                break;
              case "1.0C":
              case "1.0c":
                b.httpProtocol(HttpProtocol.HTTP_1_0C);
                break;
              default:
                ctx.error(t, "invalid http_protocol", "1.0, 1.0C or 1.1");
            }
          });
          break;
        case "enable_sni": {
          Optional<Boolean> v = LvsValues.optionalBool(n, ctx);
          if (v.isPresent()) {
            enableSni = v.get();
          }
          break;
        }
        case "sni_name":
          // keepalived 2.3+: a name sets SNI to it; a bare keyword turns SNI on with the default name.
          if (n.argCount() > 0) {
            sniName = Optional.of(n.args().get(0).text());
            enableSni = true;
          } else if (sniName.isPresent()) {
            ctx.error(n, "sni_name already specified as " + sniName.get() + " - ignoring", "");
          } else {
            enableSni = true;
          }
          break;
        case "fast_recovery":
          LvsValues.optionalBool(n, ctx).ifPresent(b::fastRecovery);
          break;
        case "tls_compliant":
          if (ssl) {
            LvsValues.optionalBool(n, ctx).ifPresent(b::tlsCompliant);
          } else {
            LvsBinder.unknown(n, node.name(), ctx);
          }
          break;
        case "url": {
          Optional<UrlConfig> url = url(n, ctx, ssl);
          if (url.isPresent()) {
            b.url(url.get());
            urls++;
          }
          break;
        }
        default:
          LvsBinder.unknown(n, node.name(), ctx);
      }
    }
    b.enableSni(enableSni);
    sniName.ifPresent(b::sniName);
    b.common(c.build());
    if (urls == 0) {
      ctx.error(node, node.name() + " checker has no url - ignoring", "url { path ... }");
      return Optional.empty();
    }
    if (!c.usable(node, rsAddress, ctx)) {
      return Optional.empty();
    }
    return Optional.of(b.build());
  }

  private static Optional<UrlConfig> url(ConfigNode node, BindContext ctx, boolean ssl) {
    if (!ctx.requireBlock(node)) {
      return Optional.empty();
    }
    UrlConfig.Builder b = UrlConfig.builder("").position(node.position());
    Optional<String> path = Optional.empty();
    boolean haveDigest = false;
    Optional<String> regex = Optional.empty();
    boolean regexNoMatch = false;
    List<String> options = new ArrayList<>();
    Optional<Long> minOffset = Optional.empty();
    Optional<Long> maxOffset = Optional.empty();
    Optional<UrlConfig.RegexStack> stack = Optional.empty();
    ConfigNode regexParamNode = null;
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "path":
          path = LvsValues.text(n, ctx, "a path");
          break;
        case "digest": {
          Optional<Token> t = ctx.arg(n, 0, "an MD5 digest (32 hex digits)");
          if (t.isEmpty()) {
            break;
          }
          String d = t.get().text();
          if (haveDigest) {
            ctx.error(t.get(), "duplicate digest", "one digest per url");
          } else if (d.length() != 32) {
            ctx.error(t.get(), "digest must be 32 hex digits, not " + d.length(), "32 hex digits");
          } else if (!MD5_HEX.matcher(d).matches()) {
            ctx.error(t.get(), "digest is not hexadecimal", "32 hex digits");
          } else {
            haveDigest = true;
            b.digest(d.toLowerCase(Locale.ROOT));
          }
          break;
        }
        case "status_code":
          if (n.argCount() == 0) {
            ctx.arg(n, 0, "status codes or ranges, e.g. 200-299");
          }
          for (Token t : n.args()) {
            statusCode(t, ctx).ifPresent(b::statusCode);
          }
          break;
        case "virtualhost":
          LvsValues.text(n, ctx, "a host name").ifPresent(b::virtualhost);
          break;
        case "regex":
          // keepalived logs this (not a configuration error) and ignores the line.
          if (n.argCount() != 1) {
            ctx.warning(n, "regex missing or too many fields - ignoring", "one (quoted) pattern");
          } else {
            regex = Optional.of(n.args().get(0).text());
          }
          break;
        case "regex_no_match":
          regexNoMatch = true;
          regexParamNode = n;
          break;
        case "regex_options":
          for (Token t : n.args()) {
            if (UrlConfig.REGEX_OPTIONS.contains(t.text())) {
              options.add(t.text());
            } else {
              ctx.warning(t, "unknown regex option - ignoring", "a PCRE2 option name such as caseless");
            }
          }
          regexParamNode = n;
          break;
        case "regex_min_offset":
          minOffset = regexOffset(n, ctx);
          regexParamNode = n;
          break;
        case "regex_max_offset":
          maxOffset = regexOffset(n, ctx);
          regexParamNode = n;
          break;
        case "regex_stack":
          stack = regexStack(n, ctx);
          regexParamNode = n;
          break;
        case "tls_compliant":
          if (ssl) {
            LvsValues.optionalBool(n, ctx).ifPresent(b::tlsCompliant);
          } else {
            LvsBinder.unknown(n, "url", ctx);
          }
          break;
        default:
          LvsBinder.unknown(n, "url", ctx);
      }
    }
    if (path.isEmpty()) {
      ctx.error(node, "url has no path - ignoring", "path /...");
      return Optional.empty();
    }
    b.path(path.get());
    if (regex.isPresent()) {
      b.regex(regex.get()).regexNoMatch(regexNoMatch);
      options.forEach(b::regexOption);
      stack.ifPresent(b::regexStack);
      if (maxOffset.isPresent() && minOffset.orElse(0L) > maxOffset.get()) {
        ctx.warning(node, "regex_min_offset " + minOffset.get() + " > regex_max_offset " + maxOffset.get()
            + " - ignoring both", "min <= max");
      } else {
        minOffset.ifPresent(b::regexMinOffset);
        maxOffset.ifPresent(b::regexMaxOffset);
      }
    } else if (regexParamNode != null) {
      ctx.warning(regexParamNode, "regex parameters specified without regex - ignoring", "regex PATTERN");
    }
    return Optional.of(b.build());
  }

  /** {@code CODE} or {@code MIN-MAX} within 100..599, as keepalived's status_code handler. */
  private static Optional<UrlConfig.StatusCodeRange> statusCode(Token t, BindContext ctx) {
    String s = t.text();
    if (STATUS_CODE_OR_RANGE.matcher(s).matches()) {
      int dash = s.indexOf('-');
      int min = Integer.parseInt(dash < 0 ? s : s.substring(0, dash));
      int max = dash < 0 ? min : Integer.parseInt(s.substring(dash + 1));
      if (min >= 100 && max <= 599 && min <= max) {
        return Optional.of(new UrlConfig.StatusCodeRange(min, max));
      }
    }
    ctx.error(t, "invalid HTTP status code", "a code or range within 100-599, e.g. 200 or 200-299");
    return Optional.empty();
  }

  private static Optional<Long> regexOffset(ConfigNode n, BindContext ctx) {
    if (n.argCount() != 1 || !UP_TO_18_DIGITS.matcher(n.args().get(0).text()).matches()) {
      ctx.warning(n, "invalid " + n.name() + " - ignoring", "one non-negative integer");
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(n.args().get(0).text()));
  }

  private static Optional<UrlConfig.RegexStack> regexStack(ConfigNode n, BindContext ctx) {
    if (n.argCount() != 2 || !UP_TO_18_DIGITS.matcher(n.args().get(0).text()).matches()
        || !UP_TO_18_DIGITS.matcher(n.args().get(1).text()).matches()) {
      ctx.warning(n, "regex_stack requires start and max values - ignoring", "regex_stack START MAX");
      return Optional.empty();
    }
    long start = Long.parseLong(n.args().get(0).text());
    long max = Long.parseLong(n.args().get(1).text());
    if (start > max) {
      ctx.warning(n, "regex stack start cannot exceed max value - ignoring", "START <= MAX");
      return Optional.empty();
    }
    return Optional.of(new UrlConfig.RegexStack(start, max));
  }

  // ---- MISC_CHECK -----------------------------------------------------------------------

  private static Optional<CheckerConfig> misc(ConfigNode node, BindContext ctx) {
    CommonDraft c = new CommonDraft();
    Optional<Script> path = Optional.empty();
    Optional<Duration> timeout = Optional.empty();
    boolean dynamic = false;
    Optional<String> user = Optional.empty();
    Optional<String> group = Optional.empty();
    for (ConfigNode n : node.children()) {
      if (c.read(n, ctx, false)) {
        continue;
      }
      switch (n.name()) {
        case "misc_path":
          path = ctx.scriptArg(n, 0);
          break;
        case "misc_timeout": {
          OptionalLong v = ctx.longArg(n, 0, 0, MiscChecker.MISC_TIMEOUT_MAX_SECONDS);
          if (v.isPresent()) {
            timeout = Optional.of(Duration.ofSeconds(v.getAsLong()));
          }
          break;
        }
        case "misc_dynamic":
          dynamic = true;
          break;
        case "user":
          if (ctx.arg(n, 0, "a user name").isPresent()) {
            user = n.arg(0);
            group = n.arg(1);
          }
          break;
        default:
          LvsBinder.unknown(n, "MISC_CHECK", ctx);
      }
    }
    if (path.isEmpty()) {
      ctx.error(node, "MISC_CHECK has no misc_path - ignoring", "misc_path COMMAND");
      return Optional.empty();
    }
    return Optional.of(new MiscChecker(path.get(), timeout, dynamic, user, group, c.build(), node.position()));
  }

  // ---- SMTP_CHECK -----------------------------------------------------------------------

  private static Optional<CheckerConfig> smtp(ConfigNode node, BindContext ctx, InetAddress rsAddress) {
    CommonDraft c = new CommonDraft();
    String helo = SmtpChecker.DEFAULT_HELO_NAME;
    List<SmtpChecker.Host> hosts = new ArrayList<>();
    for (ConfigNode n : node.children()) {
      if (c.read(n, ctx, true)) {
        continue;
      }
      switch (n.name()) {
        case "helo_name": {
          Optional<String> v = LvsValues.text(n, ctx, "a HELO name");
          if (v.isPresent()) {
            helo = v.get();
          }
          break;
        }
        case "host": {
          if (!ctx.requireBlock(n)) {
            break;
          }
          // keepalived's host block has the common keywords; the connection ones belong to the
          // host, the timing ones still set the checker's.
          ctx.warning(n, "the SMTP_CHECK host block is deprecated", "another SMTP_CHECK per target");
          CommonDraft h = new CommonDraft();
          h.timing = c;
          for (ConfigNode hn : n.children()) {
            if (!h.read(hn, ctx, true)) {
              LvsBinder.unknown(hn, "SMTP_CHECK host", ctx);
            }
          }
          if (h.usable(n, rsAddress, ctx)) {
            hosts.add(SmtpChecker.Host.of(h.build(), n.position()));
          }
          break;
        }
        default:
          LvsBinder.unknown(n, "SMTP_CHECK", ctx);
      }
    }
    if (!c.usable(node, rsAddress, ctx)) {
      return Optional.empty();
    }
    return Optional.of(new SmtpChecker(c.build(), helo, hosts, node.position()));
  }

  // ---- DNS_CHECK ------------------------------------------------------------------------

  private static Optional<CheckerConfig> dns(ConfigNode node, BindContext ctx, InetAddress rsAddress) {
    CommonDraft c = new CommonDraft();
    DnsChecker.QueryType type = DnsChecker.QueryType.SOA;
    Optional<String> name = Optional.empty();
    for (ConfigNode n : node.children()) {
      if (c.read(n, ctx, true)) {
        continue;
      }
      switch (n.name()) {
        case "type": {
          Optional<Token> t = ctx.arg(n, 0, "a DNS query type");
          if (t.isEmpty()) {
            break;
          }
          Optional<DnsChecker.QueryType> q = queryType(t.get().text());
          if (q.isPresent()) {
            type = q.get();
          } else {
            ctx.error(t.get(), "unknown DNS_CHECK type", "A, NS, CNAME, SOA, MX, TXT, AAAA, RRSIG or DNSKEY");
          }
          break;
        }
        case "name": {
          Optional<Token> t = ctx.arg(n, 0, "a domain name");
          if (t.isEmpty()) {
            break;
          }
          if (name.isPresent()) {
            ctx.error(n, "DNS_CHECK name already specified - ignoring", "one name");
          } else if (!DnsChecker.isValidName(t.get().text())) {
            ctx.error(t.get(), "DNS_CHECK name has an empty label", "a domain name such as example.com.");
          } else {
            name = Optional.of(t.get().text());
          }
          break;
        }
        default:
          LvsBinder.unknown(n, "DNS_CHECK", ctx);
      }
    }
    if (!c.usable(node, rsAddress, ctx)) {
      return Optional.empty();
    }
    return Optional.of(new DnsChecker(c.build(), type, name.orElse("."), node.position()));
  }

  /** keepalived compares DNS types case-insensitively. */
  private static Optional<DnsChecker.QueryType> queryType(String text) {
    for (DnsChecker.QueryType q : DnsChecker.QueryType.values()) {
      if (q.keyword().equalsIgnoreCase(text)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  // ---- UDP_CHECK ------------------------------------------------------------------------

  private static Optional<CheckerConfig> udp(ConfigNode node, BindContext ctx, InetAddress rsAddress) {
    CommonDraft c = new CommonDraft();
    Optional<String> payload = Optional.empty();
    boolean requireReply = false;
    Optional<String> replyData = Optional.empty();
    int min = 0;
    int max = 255;
    ConfigNode lengthNode = null;
    for (ConfigNode n : node.children()) {
      if (c.read(n, ctx, true)) {
        continue;
      }
      switch (n.name()) {
        case "payload": {
          Optional<String> text = ctx.rest(n, 0, "a hex payload");
          if (text.isPresent()) {
            payload = LvsValues.hexBytes(text.get(), false);
            if (payload.isEmpty()) {
              ctx.error(n.args().get(0), "invalid hex string for UDP_CHECK payload", "hex bytes, e.g. 0a 1b 2c");
            }
          }
          break;
        }
        case "require_reply":
          requireReply = true;
          if (n.argCount() > 0) {
            String text = String.join(" ", n.argTexts());
            replyData = LvsValues.hexBytes(text, true);
            if (replyData.isEmpty()) {
              ctx.error(n.args().get(0), "invalid hex string for UDP_CHECK reply", "hex bytes, x for any nibble");
            }
          }
          break;
        case "min_reply_length": {
          OptionalInt v = ctx.intArg(n, 0, 0, 65535);
          if (v.isPresent()) {
            min = v.getAsInt();
            lengthNode = n;
          }
          break;
        }
        case "max_reply_length": {
          OptionalInt v = ctx.intArg(n, 0, 0, 65535);
          if (v.isPresent()) {
            max = v.getAsInt();
            lengthNode = n;
          }
          break;
        }
        default:
          LvsBinder.unknown(n, "UDP_CHECK", ctx);
      }
    }
    if (!c.usable(node, rsAddress, ctx)) {
      return Optional.empty();
    }
    if (min > max) {
      // keepalived keeps the checker, which then always fails.
      ctx.error(lengthNode, "UDP_CHECK min_reply_length " + min + " > max_reply_length " + max + " - will always fail",
          "min_reply_length <= max_reply_length");
    }
    return Optional.of(new UdpChecker(c.build(), payload, requireReply, replyData, min, max, node.position()));
  }

  // ---- FILE_CHECK -----------------------------------------------------------------------

  private static Optional<CheckerConfig> file(ConfigNode node, BindContext ctx, LvsReferences refs) {
    Optional<String> trackFile = Optional.empty();
    Optional<Integer> weight = Optional.empty();
    boolean reverse = false;
    boolean dynamic = false;
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "track_file": {
          Optional<Token> t = ctx.arg(n, 0, "the name of a track_file");
          if (t.isEmpty()) {
            break;
          }
          if (refs.trackFileDefined(t.get().text())) {
            trackFile = Optional.of(t.get().text());
          } else {
            ctx.error(t.get(), "track_file " + t.get().text() + " not found", "the name of a track_file block");
          }
          break;
        }
        case "weight": {
          OptionalInt w = ctx.intArg(n, 0, -LvsValues.WEIGHT_MAX, LvsValues.WEIGHT_MAX);
          if (w.isEmpty()) {
            break;
          }
          boolean rev = false;
          if (n.argCount() > 1) {
            Token opt = n.args().get(1);
            if (opt.text().equals("reverse")) {
              rev = true;
            } else if (!opt.text().equals("noreverse")) {
              ctx.error(opt, "unknown track file weight option - ignoring", "reverse or noreverse");
              break;
            }
          }
          weight = Optional.of(w.getAsInt());
          reverse = rev;
          break;
        }
        case "dynamic":
          // Documented in keepalived.conf(5), registered by no release: keepalived -t fails on it.
          ctx.error(n, "'dynamic' is documented but not implemented by keepalived", "track_file and weight only");
          dynamic = true;
          break;
        default:
          LvsBinder.unknown(n, "FILE_CHECK", ctx);
      }
    }
    if (trackFile.isEmpty()) {
      ctx.error(node, "FILE_CHECK has no track_file - ignoring", "track_file NAME");
      return Optional.empty();
    }
    return Optional.of(new FileChecker(trackFile.get(), weight, reverse, dynamic, node.position()));
  }

  // ---- BFD_CHECK ------------------------------------------------------------------------

  private static Optional<CheckerConfig> bfd(ConfigNode node, BindContext ctx, LvsReferences refs, Set<String> rsBfds) {
    Optional<String> name = Optional.empty();
    Optional<Boolean> alpha = Optional.empty();
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "name": {
          if (n.argCount() != 1) {
            ctx.error(n, "BFD_CHECK needs exactly one name", "name BFD_INSTANCE");
            break;
          }
          Token t = n.args().get(0);
          if (!refs.bfdInstanceDefined(t.text())) {
            ctx.error(t, "BFD " + t.text() + " not configured", "the name of a bfd_instance");
          } else if (name.isPresent()) {
            ctx.error(t, "BFD_CHECK already names " + name.get(), "one name");
          } else if (t.text().length() > BFD_NAME_MAX) {
            ctx.error(t, "BFD name too long", "at most " + BFD_NAME_MAX + " characters");
          } else if (rsBfds.contains(t.text())) {
            ctx.error(t, "real server already monitors BFD " + t.text(), "one BFD_CHECK per bfd_instance");
          } else {
            name = Optional.of(t.text());
          }
          break;
        }
        case "alpha": {
          Optional<Boolean> v = LvsValues.optionalBool(n, ctx);
          if (v.isPresent()) {
            alpha = v;
          }
          break;
        }
        default:
          LvsBinder.unknown(n, "BFD_CHECK", ctx);
      }
    }
    if (name.isEmpty()) {
      ctx.error(node, "BFD_CHECK has no name - ignoring", "name BFD_INSTANCE");
      return Optional.empty();
    }
    rsBfds.add(name.get());
    return Optional.of(new BfdChecker(name.get(), alpha, node.position()));
  }

  // ---- options common to the connecting checkers ------------------------------------------

  /** The common options of one checker (or one SMTP host block) while its block is read. */
  private static final class CommonDraft {
    Optional<InetAddress> connectIp = Optional.empty();
    Optional<Integer> connectPort = Optional.empty();
    Optional<InetAddress> bindto = Optional.empty();
    Optional<Integer> bindPort = Optional.empty();
    Optional<String> bindIf = Optional.empty();
    Optional<Duration> connectTimeout = Optional.empty();
    Optional<Long> fwmark = Optional.empty();
    Optional<Long> retry = Optional.empty();
    Optional<Duration> delayBeforeRetry = Optional.empty();
    Optional<Duration> warmup = Optional.empty();
    Optional<Duration> delayLoop = Optional.empty();
    Optional<Boolean> alpha = Optional.empty();
    boolean logAllFailures;
    /** Where timing options go: itself, or for an SMTP host block the enclosing checker. */
    CommonDraft timing = this;

    /**
     * Reads {@code n} when it is a common keyword ({@code connection} adds {@code connect_ip}
     * .. {@code fwmark}); returns whether it was one.
     */
    boolean read(ConfigNode n, BindContext ctx, boolean connection) {
      switch (n.name()) {
        case "connect_ip":
        case "connect_port":
        case "bindto":
        case "bind_port":
        case "bind_if":
        case "connect_timeout":
        case "fwmark":
          if (!connection) {
            return false;
          }
          readConnection(n, ctx);
          return true;
        case "retry": {
          OptionalLong v = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
          if (v.isPresent()) {
            timing.retry = Optional.of(v.getAsLong());
          }
          return true;
        }
        case "delay_before_retry":
          ctx.timerArg(n, 0, Duration.ZERO, LvsValues.TIMER_MAX).ifPresent(d -> timing.delayBeforeRetry = Optional.of(d));
          return true;
        case "warmup":
          ctx.timerArg(n, 0, Duration.ZERO, LvsValues.TIMER_MAX).ifPresent(d -> timing.warmup = Optional.of(d));
          return true;
        case "delay_loop":
          ctx.timerArg(n, 0, LvsValues.MICROSECOND, LvsValues.TIMER_MAX).ifPresent(d -> timing.delayLoop = Optional.of(d));
          return true;
        case "alpha":
          LvsValues.optionalBool(n, ctx).ifPresent(v -> timing.alpha = Optional.of(v));
          return true;
        case "log_all_failures":
          LvsValues.optionalBool(n, ctx).ifPresent(v -> timing.logAllFailures = v);
          return true;
        default:
          return false;
      }
    }

    private void readConnection(ConfigNode n, BindContext ctx) {
      switch (n.name()) {
        case "connect_ip": {
          Optional<Token> t = ctx.arg(n, 0, "an IP address");
          Optional<InetAddress> a = t.flatMap(ctx::parseAddress);
          if (a.isPresent() && bindto.isPresent() && bindto.get().getClass() != a.get().getClass()) {
            ctx.error(t.get(), "connect_ip does not match the address family of bindto - ignoring", "an address of bindto's family");
          } else if (a.isPresent()) {
            connectIp = a;
          }
          break;
        }
        case "bindto": {
          Optional<Token> t = ctx.arg(n, 0, "an IP address");
          Optional<InetAddress> a = t.flatMap(ctx::parseAddress);
          if (a.isPresent() && connectIp.isPresent() && connectIp.get().getClass() != a.get().getClass()) {
            ctx.error(t.get(), "bindto does not match the address family of connect_ip - ignoring", "an address of connect_ip's family");
          } else if (a.isPresent()) {
            bindto = a;
          }
          break;
        }
        case "connect_port": {
          OptionalInt v = ctx.intArg(n, 0, 1, 65535);
          if (v.isPresent()) {
            connectPort = Optional.of(v.getAsInt());
          }
          break;
        }
        case "bind_port": {
          OptionalInt v = ctx.intArg(n, 0, 1, 65535);
          if (v.isPresent()) {
            bindPort = Optional.of(v.getAsInt());
          }
          break;
        }
        case "bind_if": {
          Optional<Token> t = ctx.arg(n, 0, "an interface name");
          if (t.isEmpty()) {
            break;
          }
          if (t.get().text().length() > 15) {
            ctx.error(t.get(), "interface name too long - ignoring", "at most 15 characters");
            break;
          }
          ctx.checkInterface(t.get(), "bind_if");
          bindIf = Optional.of(t.get().text());
          break;
        }
        case "connect_timeout":
          ctx.timerArg(n, 0, LvsValues.MICROSECOND, LvsValues.CONNECT_TIMEOUT_MAX)
              .ifPresent(d -> connectTimeout = Optional.of(d));
          break;
        case "fwmark": {
          OptionalLong v = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
          if (v.isPresent()) {
            fwmark = Optional.of(v.getAsLong());
          }
          break;
        }
        default:
          throw new AssertionError(n.name());
      }
    }

    /**
     * keepalived's {@code check_conn_opts}: an IPv6 link-local target needs {@code bind_if};
     * without it the checker is dropped.
     */
    boolean usable(ConfigNode checker, InetAddress rsAddress, BindContext ctx) {
      InetAddress dst = connectIp.orElse(rsAddress);
      if (dst instanceof Inet6Address && dst.isLinkLocalAddress() && bindIf.isEmpty()) {
        ctx.error(checker, "checker link-local address " + dst.getHostAddress() + " requires a bind_if - ignoring",
            "bind_if INTERFACE");
        return false;
      }
      return true;
    }

    CheckerCommon build() {
      return new CheckerCommon(connectIp, connectPort, bindto, bindPort, bindIf, connectTimeout, fwmark, retry,
          delayBeforeRetry, warmup, delayLoop, alpha, logAllFailures);
    }
  }
}
