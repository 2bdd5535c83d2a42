package io.keepalivedj.config.bind;

import java.util.regex.Pattern;
import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.IpPrefix;
import io.keepalivedj.config.model.KeywordEnum;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What every binder shares: the diagnostics sink, the parse options, and the value readers that
 * turn an argument into a number, timer, boolean, address or script with keepalived's rules,
 * reporting a diagnostic at the argument's own column when the value is bad. Readers return empty
 * after reporting, so the caller keeps its default, as keepalived falls back.
 */
public final class BindContext {
  private static final Pattern PREFIX_LENGTH = Pattern.compile("[0-9]{1,3}");

  private final DiagnosticCollector diagnostics;
  private final ParseOptions options;

  public BindContext(DiagnosticCollector diagnostics, ParseOptions options) {
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    this.options = Objects.requireNonNull(options, "options");
  }

  public DiagnosticCollector diagnostics() {
    return diagnostics;
  }

  public ParseOptions options() {
    return options;
  }

  // ---- reporting --------------------------------------------------------------------------

  public void error(ConfigNode node, String message, String expected) {
    diagnostics.error(node.position(), message, node.lineText(), expected);
  }

  public void error(Token token, String message, String expected) {
    diagnostics.error(token.position(), message, token.text(), expected);
  }

  public void warning(ConfigNode node, String message, String expected) {
    diagnostics.warning(node.position(), message, node.lineText(), expected);
  }

  public void warning(Token token, String message, String expected) {
    diagnostics.warning(token.position(), message, token.text(), expected);
  }

  /**
   * An unknown keyword: keepalived logs "Unknown keyword" and ignores the line, and its {@code -t}
   * then fails; so do we. The node stays in the tree.
   */
  public void unknownKeyword(ConfigNode node, String blockName) {
    diagnostics.error(node.position(), "unknown keyword in " + blockName, node.name(), "");
  }

  /**
   * Reports a keyword that needs a block ({@code keyword { ... }}) but has none; returns whether
   * the node has one.
   */
  public boolean requireBlock(ConfigNode node) {
    if (!node.block()) {
      error(node, "'" + node.name() + "' needs a block", "'{' on this line or the next");
      return false;
    }
    return true;
  }

  /** Whether the configured interface exists, when the parse was asked to check (like -t). */
  public void checkInterface(Token name, String usedBy) {
    options.interfaceExists().ifPresent(exists -> {
      if (!exists.test(name.text())) {
        diagnostics.error(name.position(), "interface " + name.text() + " for " + usedBy + " doesn't exist",
            name.text(), "an existing interface");
      }
    });
  }

  // ---- arguments ------------------------------------------------------------------------

  /** Argument {@code index}, or a diagnostic naming what was expected when it is missing. */
  public Optional<Token> arg(ConfigNode node, int index, String what) {
    if (index < node.args().size()) {
      return Optional.of(node.args().get(index));
    }
    diagnostics.error(endOf(node), "'" + node.name() + "' is missing " + what, node.lineText(), what);
    return Optional.empty();
  }

  /** All arguments from {@code from} joined by one space, or empty (with a diagnostic) when none. */
  public Optional<String> rest(ConfigNode node, int from, String what) {
    if (from >= node.args().size()) {
      arg(node, from, what);
      return Optional.empty();
    }
    return Optional.of(node.args().subList(from, node.args().size()).stream()
        .map(Token::text).collect(Collectors.joining(" ")));
  }

  /** An integer argument in [min, max] (keepalived's "number 'x' outside range [min, max]"). */
  public OptionalLong longArg(ConfigNode node, int index, long min, long max) {
    Optional<Token> t = arg(node, index, "a number in [" + min + ", " + max + "]");
    if (t.isEmpty()) {
      return OptionalLong.empty();
    }
    return parseLong(t.get(), min, max);
  }

  public OptionalLong parseLong(Token t, long min, long max) {
    long v;
    try {
      v = Long.decode(t.text());
    } catch (NumberFormatException e) {
      error(t, "invalid number", "an integer in [" + min + ", " + max + "]");
      return OptionalLong.empty();
    }
    if (v < min || v > max) {
      error(t, "number outside range [" + min + ", " + max + "]", "an integer in [" + min + ", " + max + "]");
      return OptionalLong.empty();
    }
    return OptionalLong.of(v);
  }

  public OptionalInt intArg(ConfigNode node, int index, int min, int max) {
    OptionalLong v = longArg(node, index, min, max);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  public OptionalInt parseInt(Token t, int min, int max) {
    OptionalLong v = parseLong(t, min, max);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  /**
   * A keepalived {@code <TIMER>}: seconds, fractions allowed down to a microsecond, within
   * [min, max].
   */
  public Optional<Duration> timerArg(ConfigNode node, int index, Duration min, Duration max) {
    Optional<Token> t = arg(node, index, "a time in seconds");
    return t.flatMap(token -> parseTimer(token, min, max));
  }

  public Optional<Duration> parseTimer(Token t, Duration min, Duration max) {
    Duration d = wholeSeconds(t.text());
    if (d == null) {
      BigDecimal secs;
      try {
        secs = new BigDecimal(t.text());
      } catch (NumberFormatException e) {
        error(t, "invalid time", range(min, max));
        return Optional.empty();
      }
      if (secs.scale() > 6) {
        error(t, "time has more precision than a microsecond", range(min, max));
        return Optional.empty();
      }
      try {
        d = Duration.ofNanos(secs.movePointRight(9).longValueExact());
      } catch (ArithmeticException e) {
        error(t, "time out of range", range(min, max));
        return Optional.empty();
      }
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      error(t, "time outside range", range(min, max));
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** The common case, a few plain digits, without BigDecimal; null for anything else. */
  private static Duration wholeSeconds(String text) {
    int n = text.length();
    if (n == 0 || n > 9) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return Duration.ofSeconds(v);
  }

  private static String range(Duration min, Duration max) {
    return "seconds in [" + seconds(min) + ", " + seconds(max) + "]";
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
  }

  /**
   * A flag keyword with an optional {@code <BOOL>} ({@code on|off|true|false|yes|no}): the bare
   * keyword means true.
   */
  public boolean flag(ConfigNode node, int index) {
    if (index >= node.args().size()) {
      return true;
    }
    return parseBool(node.args().get(index)).orElse(true);
  }

  public Optional<Boolean> parseBool(Token t) {
    switch (t.text().toLowerCase(Locale.ROOT)) {
      case "on":
      case "true":
      case "yes":
        return Optional.of(true);
      case "off":
      case "false":
      case "no":
        return Optional.of(false);
      default:
        error(t, "invalid boolean", "on, off, true, false, yes or no");
        return Optional.empty();
    }
  }

  /** One of an enum's keywords, matched exactly (keepalived compares keywords case-sensitively). */
  public <E extends Enum<E> & KeywordEnum> Optional<E> enumArg(ConfigNode node, int index, Class<E> type) {
    return arg(node, index, "one of " + keywords(type)).flatMap(t -> parseEnum(t, type));
  }

  public <E extends Enum<E> & KeywordEnum> Optional<E> parseEnum(Token t, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.keyword().equals(t.text())) {
        return Optional.of(e);
      }
    }
    error(t, "invalid value", "one of " + keywords(type));
    return Optional.empty();
  }

  private static String keywords(Class<? extends KeywordEnum> type) {
    return Arrays.stream(type.getEnumConstants()).map(KeywordEnum::keyword).collect(Collectors.joining(", "));
  }

  /** An IP address literal, never a host name (no resolver is ever asked). */
  public Optional<InetAddress> addressArg(ConfigNode node, int index) {
    return arg(node, index, "an IP address").flatMap(this::parseAddress);
  }

  public Optional<InetAddress> parseAddress(Token t) {
    Optional<InetAddress> a = IpLiterals.parse(t.text());
    if (a.isEmpty()) {
      error(t, "invalid IP address", "an IPv4 or IPv6 address");
    }
    return a;
  }

  /** {@code ADDR[/LEN]}; without a length, a host prefix (/32 or /128). */
  public Optional<IpPrefix> parsePrefix(Token t) {
    String text = t.text();
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    Optional<InetAddress> a = IpLiterals.parse(addr);
    if (a.isEmpty()) {
      error(t, "invalid IP address", "ADDRESS[/PREFIX] with an IPv4 or IPv6 address");
      return Optional.empty();
    }
    if (slash < 0) {
      return Optional.of(IpPrefix.host(a.get()));
    }
    int max = IpPrefix.maxPrefix(a.get());
    String len = text.substring(slash + 1);
    if (!PREFIX_LENGTH.matcher(len).matches() || Integer.parseInt(len) > max) {
      error(t, "invalid prefix length", "a prefix length in [0, " + max + "]");
      return Optional.empty();
    }
    return Optional.of(new IpPrefix(a.get(), Integer.parseInt(len)));
  }

  /**
   * A script given as the arguments from {@code from}: several words are the argv; one word
   * holding spaces (it was quoted) is split again on spaces, single quotes grouping, as keepalived
   * splits script strings.
   */
  public Optional<Script> scriptArg(ConfigNode node, int from) {
    if (from >= node.args().size()) {
      arg(node, from, "a script path");
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>();
    for (Token t : node.args().subList(from, node.args().size())) {
      argv.addAll(splitScriptWords(t.text()));
    }
    if (argv.isEmpty()) {
      error(node.args().get(from), "empty script", "a script path");
      return Optional.empty();
    }
    return Optional.of(new Script(argv, node.args().get(from).position()));
  }

  static List<String> splitScriptWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }

  /** The position just after a line's last word, where a missing argument would go. */
  private static SourcePosition endOf(ConfigNode node) {
    Token last = node.args().isEmpty() ? node.keyword() : node.args().get(node.args().size() - 1);
    SourcePosition p = last.position();
    return p.column() > 0 ? p.withColumn(p.column() + last.text().length() + 1) : p;
  }
}
