package io.keepalivedj.config.lex;

import java.util.regex.Pattern;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code include} line and its strictness (keepalived.conf(5), the include directive and
 * {@code include_check}). Detected on the line as read, before {@code @} and {@code $} processing.
 *
 * @param checks the failures that are errors for this include; plain {@code include} has none
 * @param pattern the glob as written, blanks after the keyword removed
 * @param line the include line, for positions
 */
record IncludeDirective(Set<Check> checks, String pattern, LineText line) {
  private static final Pattern LOOKS_LIKE_INCLUDE = Pattern.compile("include[rmwba]?[ \t].*");


  /** The include checks; a failed check that is not requested is only a warning. */
  enum Check {
    /** A match must be a readable regular non-executable file. */
    READABLE,
    /** A name without wildcards must exist. */
    MATCH,
    /** A wildcard must match something. */
    WILDCARD_MATCH,
    /** Every alternative of a brace expression must exist. */
    BRACE_MATCH
  }

  IncludeDirective {
    checks = Set.copyOf(checks);
  }

  /** The include on this (decommented) line, if it is one. */
  static Optional<IncludeDirective> parse(LineText line) {
    String text = line.text();
    if (!text.startsWith("include") || text.length() < 9) {
      return Optional.empty();
    }
    int patternStart;
    Set<Check> checks;
    if (isSpace(text.charAt(7))) {
      checks = EnumSet.noneOf(Check.class);
      patternStart = 8;
    } else if (isSpace(text.charAt(8))) {
      checks = switch (text.charAt(7)) {
        case 'r' -> EnumSet.of(Check.READABLE);
        case 'm' -> EnumSet.of(Check.READABLE, Check.MATCH);
        case 'w' -> EnumSet.of(Check.READABLE, Check.MATCH, Check.WILDCARD_MATCH);
        case 'b' -> EnumSet.of(Check.READABLE, Check.BRACE_MATCH);
        case 'a' -> EnumSet.allOf(Check.class);
        default -> null;
      };
      if (checks == null) {
        return Optional.empty();
      }
      patternStart = 9;
    } else {
      return Optional.empty();
    }
    String pattern = text.substring(patternStart + Decommenter.leadingBlanks(text.substring(patternStart)));
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IncludeDirective(checks, pattern, line));
  }

  /** Whether the line looks like an include, however it got there (for a warning). */
  static boolean looksLikeInclude(String text) {
    // Most lines fail the cheap prefix test; only those pay for the pattern.
    return text.startsWith("include") && LOOKS_LIKE_INCLUDE.matcher(text).matches();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r' || c == '\n';
  }
}
