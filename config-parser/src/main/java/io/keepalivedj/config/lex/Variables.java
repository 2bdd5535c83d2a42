package io.keepalivedj.config.lex;

import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code $NAME=VALUE} definitions and their substitution (keepalived.conf(5), "Parameter
 * substitution" and "Pre-defined definitions").
 *
 * <p>Values are stored unexpanded and substituted at use time, recursively: the scan resumes at
 * the start of the inserted text. A multi-line definition (each line but the last ending in
 * {@code \}) is only substituted when its reference ends the line; its first line replaces the
 * reference and the remaining lines are handed back for the caller to read next. Undefined names
 * are left untouched.
 */
final class Variables {
  /** keepalived's line buffer (MAXBUF, lib/parser.h): a substitution may not grow a line beyond it. */
  static final int MAX_LINE_LENGTH = 1024;
  /**
   * Substitutions allowed in one line. keepalived has no such bound and hangs on {@code $A=$A}
   * (the value is as long as the reference, so its line-length check never fires).
   */
  static final int MAX_SUBSTITUTIONS = 1000;
  private static final char LINE_END = '\n';

  private final Map<String, Definition> definitions = new HashMap<>();
  private final String configId;
  private final Function<String, Optional<String>> environment;
  private final Supplier<String> currentDirectory;
  private final GlibcRandom random;
  private final DiagnosticCollector diagnostics;

  /** The multi-line definition being read, if any. */
  private String collectingName;
  private StringBuilder collectingValue;

  private record Definition(String value, boolean multiline) {}

  /**
   * The rest of a multi-line definition's value, to be read as lines after the current one.
   *
   * @param at the reference, which every one of these lines is positioned at
   * @param lines the lines, in order
   */
  record PendingLines(SourcePosition at, List<String> lines) {}

  /**
   * What a substitution pass produced.
   *
   * @param text the line after substitution
   * @param changed whether anything was substituted
   * @param pending multi-line rests, innermost last (read the last one first)
   * @param stopped whether substitution was cut short (line too long, or a definition that
   *     refers to itself), so the line must not be substituted again
   */
  record Substituted(LineText text, boolean changed, List<PendingLines> pending, boolean stopped) {}

  Variables(String configId, Function<String, Optional<String>> environment, long randomSeed,
      Supplier<String> currentDirectory, DiagnosticCollector diagnostics) {
    this.configId = Objects.requireNonNull(configId);
    this.environment = Objects.requireNonNull(environment);
    this.currentDirectory = Objects.requireNonNull(currentDirectory);
    this.random = new GlibcRandom(randomSeed);
    this.diagnostics = Objects.requireNonNull(diagnostics);
  }

  /** Sets a definition directly: the variable of a {@code ~SEQ}/{@code ~LST} iteration. */
  void set(String name, String value) {
    definitions.put(name, new Definition(value, false));
  }

  /** Whether a multi-line definition is being read, so the next line belongs to it. */
  boolean collecting() {
    return collectingName != null;
  }

  /**
   * Stores the line if it is a definition ({@code $NAME=VALUE}: only whitespace before the
   * {@code $}, which the decommenter removed, and nothing between the name and {@code =}).
   *
   * @return whether the line was a definition
   */
  boolean define(LineText line) {
    String text = line.text();
    if (text.length() < 2 || text.charAt(0) != '$' || !isNameStart(text.charAt(1))) {
      return false;
    }
    int p = 2;
    while (p < text.length() && isNameChar(text.charAt(p))) {
      p++;
    }
    if (p == text.length() || text.charAt(p) != '=') {
      return false;
    }
    String name = text.substring(1, p);
    String value = text.substring(p + 1 + Decommenter.leadingBlanks(text.substring(p + 1)));
    if (value.endsWith("\\")) {
      String first = trimTrailingBlanks(value.substring(0, value.length() - 1));
      collectingName = name;
      collectingValue = new StringBuilder();
      if (!first.isEmpty()) {
        collectingValue.append(first).append(LINE_END);
      }
      definitions.put(name, new Definition(collectingValue.toString(), true));
    } else {
      definitions.put(name, new Definition(value, false));
    }
    return true;
  }

  /** Adds a line to the multi-line definition being read; a line without {@code \} is its last. */
  void continueDefinition(LineText line) {
    String text = line.text();
    if (text.endsWith("\\")) {
      String content = trimTrailingBlanks(text.substring(0, text.length() - 1));
      // keepalived skips continuation lines that hold nothing but the backslash.
      if (!content.isEmpty()) {
        collectingValue.append(content).append(LINE_END);
      }
      definitions.put(collectingName, new Definition(collectingValue.toString(), true));
    } else {
      collectingValue.append(text);
      endDefinition();
    }
  }

  /**
   * Ends the multi-line definition being read: its last line was read, or an empty line or the
   * end of input came first (keepalived 2.2.7: an empty line ends a definition, so the blank lines
   * inside the man page's nested {@code $RS} example cut it short).
   */
  void endDefinition() {
    if (collectingName == null) {
      return;
    }
    String value = collectingValue.toString();
    definitions.put(collectingName, new Definition(value, !value.isEmpty()));
    collectingName = null;
    collectingValue = null;
  }

  /** Substitutes every defined reference in the line, recursively. */
  Substituted substitute(LineText line) {
    LineText text = line;
    boolean changed = false;
    boolean stopped = false;
    int count = 0;
    List<PendingLines> pending = new ArrayList<>();
    int pos = text.text().indexOf('$');
    while (pos >= 0 && pos + 1 < text.length()) {
      Optional<Reference> found = reference(text.text(), pos);
      if (found.isEmpty()) {
        pos = text.text().indexOf('$', pos + 1);
        continue;
      }
      Reference ref = found.get();
      SourcePosition at = text.positionOf(pos);
      if (++count > MAX_SUBSTITUTIONS) {
        diagnostics.error(at, "parameter substitution does not end: a definition refers to itself",
            text.text().substring(pos, ref.end()), "");
        stopped = true;
        break;
      }
      String value = ref.value();
      String inserted = value;
      if (ref.multiline()) {
        int nl = value.indexOf(LINE_END);
        inserted = nl < 0 ? value : value.substring(0, nl);
        if (nl >= 0) {
          pending.add(new PendingLines(at, List.of(value.substring(nl + 1).split("\n", -1))));
        }
      }
      if (text.length() - (ref.end() - pos) + inserted.length() >= MAX_LINE_LENGTH) {
        diagnostics.warning(at, "parameter substitution would exceed the maximum line length of "
            + MAX_LINE_LENGTH + " bytes; substitution stopped", text.text().substring(pos, ref.end()), "");
        stopped = true;
        break;
      }
      text = text.replace(pos, ref.end(), inserted, at.column());
      changed = true;
      // keepalived stops here when the value starts a ~SEQ/~LST, so that line is re-read as one.
      if (value.startsWith("~", Decommenter.leadingBlanks(value))) {
        break;
      }
      pos = text.text().indexOf('$', pos);
    }
    return new Substituted(text, changed, pending, stopped);
  }

  /** A reference found at a {@code $}: its end (exclusive) and value. */
  private record Reference(int end, String value, boolean multiline) {}

  private Optional<Reference> reference(String text, int dollar) {
    boolean braces = text.charAt(dollar + 1) == '{';
    int nameStart = dollar + (braces ? 2 : 1);
    if (nameStart >= text.length() || !isNameStart(text.charAt(nameStart))) {
      return Optional.empty();
    }
    int nameEnd = nameStart + 1;
    while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = text.substring(nameStart, nameEnd);
    List<String> params = List.of();
    int end;
    if (braces) {
      int close = nameEnd;
      while (close < text.length() && (isNameChar(text.charAt(close)) || Decommenter.isBlank(text.charAt(close)))) {
        close++;
      }
      if (close == text.length() || text.charAt(close) != '}') {
        return Optional.empty();
      }
      String paramText = text.substring(nameEnd, close);
      if (!paramText.isEmpty()) {
        // ${NAME params}: a blank must separate name and parameters, none may precede '}'.
        if (!Decommenter.isBlank(paramText.charAt(0)) || Decommenter.isBlank(paramText.charAt(paramText.length() - 1))) {
          return Optional.empty();
        }
        params = List.of(paramText.strip().split("[ \t]+"));
      }
      end = close + 1;
    } else {
      if (nameEnd < text.length() && " \t,)".indexOf(text.charAt(nameEnd)) < 0) {
        return Optional.empty();
      }
      end = nameEnd;
    }
    boolean endsLine = end == text.length();
    Definition def = definitions.get(name);
    if (def != null) {
      if (!params.isEmpty() || (def.multiline() && !endsLine)) {
        return Optional.empty();
      }
      return Optional.of(new Reference(end, def.value(), def.multiline()));
    }
    return builtIn(name, params)
        .map(value -> new Reference(end, value, false));
  }

  /** The pre-defined definitions; user definitions of the same name take precedence. */
  private Optional<String> builtIn(String name, List<String> params) {
    switch (name) {
      case "_PWD":
        return params.isEmpty() ? Optional.of(currentDirectory.get()) : Optional.empty();
      case "_INSTANCE":
        return params.isEmpty() ? Optional.of(configId) : Optional.empty();
      case "_HASH":
        return params.isEmpty() ? Optional.of("#") : Optional.empty();
      case "_BANG":
        return params.isEmpty() ? Optional.of("!") : Optional.empty();
      case "_RANDOM":
        return randomValue(params);
      case "_ENV":
        // keepalived 2.4.0 addition: exactly one parameter, the variable's name; unset gives "".
        return params.size() == 1 ? Optional.of(environment.apply(params.get(0)).orElse("")) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** {@code ${_RANDOM [MIN [MAX]]}}: {@code random() % (MAX - MIN + 1) + MIN}, MIN 0, MAX 32767. */
  private Optional<String> randomValue(List<String> params) {
    if (params.size() > 2 || !params.stream().allMatch(p -> p.chars().allMatch(Character::isDigit))) {
      return Optional.empty();
    }
    long min = params.size() > 0 ? parseUnsigned(params.get(0)) : 0;
    long max = params.size() > 1 ? parseUnsigned(params.get(1)) : 32767;
    if (min > max) {
      return Optional.empty();
    }
    return Optional.of(Long.toString(random.next() % (max - min + 1) + min));
  }

  private static long parseUnsigned(String digits) {
    try {
      return Math.min(Long.parseLong(digits), Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  static boolean isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private static String trimTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && Decommenter.isBlank(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
