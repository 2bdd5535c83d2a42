package io.keepalivedj.config.lex;

/**
 * Strips comments and surrounding blanks from a line, as keepalived's {@code decomment()} does
 * before anything else looks at it (and again after every {@code $NAME} substitution).
 *
 * <p>{@code #} and {@code !} start a comment anywhere except inside double quotes; single quotes
 * are not tracked (keepalived.conf(5), "Quoted strings"; keepalived 2.2.7 reads {@code 'a # b'} as
 * {@code 'a}). Outside double quotes {@code \#} and {@code \!} lose their backslash, so a second
 * pass after a substitution does see a comment there: keepalived 2.2.7 does the same.
 */
final class Decommenter {
  private Decommenter() {}

  /**
   * The result of one pass.
   *
   * @param text the line without leading/trailing blanks and comment; a continuation backslash is
   *     kept as its last character, right after the last word
   * @param continued whether the line ended in an unescaped {@code \}
   */
  record Decommented(LineText text, boolean continued) {}

  /** One pass; an open double quote is left for the tokenizer to report, once. */
  static Decommented strip(LineText line) {
    LineText text = line.substring(leadingBlanks(line.text()));
    boolean quote = false;
    boolean continued = false;
    int backslashColumn = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        quote = !quote;
        i++;
      } else if (c == '\\') {
        if (i + 1 == text.length()) {
          continued = true;
          backslashColumn = text.positionOf(i).column();
          text = text.substring(0, i);
          break;
        }
        char next = text.charAt(i + 1);
        if (!quote && (next == '#' || next == '!')) {
          text = text.delete(i);
          i++;
        } else {
          i += 2;
        }
      } else if (!quote && (c == '#' || c == '!')) {
        text = text.substring(0, i);
        break;
      } else {
        i++;
      }
    }
    int end = text.length();
    while (end > 0 && isBlank(text.charAt(end - 1))) {
      end--;
    }
    text = text.substring(0, end);
    if (continued) {
      text = text.replace(end, end, "\\", backslashColumn);
    }
    return new Decommented(text, continued);
  }

  static int leadingBlanks(String s) {
    int i = 0;
    while (i < s.length() && isBlank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
