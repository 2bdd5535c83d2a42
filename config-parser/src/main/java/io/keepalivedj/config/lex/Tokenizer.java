package io.keepalivedj.config.lex;

import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.tree.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a preprocessed line into words (keepalived.conf(5), "Quoted strings"): blanks separate
 * words; {@code "..."} and {@code '...'} keep blanks and lose their quote characters, and quoted
 * text joins the text around it ({@code abcd" efg h "x} is one word); shell-like backslash escapes
 * work inside and outside quotes; {@code {} and {@code }} outside quotes are words of their own
 * wherever they appear, as keepalived splits the line at them.
 *
 * <p>keepalived 2.2.7 applies quote joining, single quotes and escapes only to script and URL
 * keywords (alloc_strvec_quoted_escaped) and splits other lines at blanks and double quotes only;
 * this reader uses the documented rules for every line so that binders see one consistent word
 * list.
 */
final class Tokenizer {
  private Tokenizer() {}

  /**
   * A word of a line, and whether it is a block brace (a quoted {@code "{"} is an ordinary word).
   */
  record Word(Token token, boolean brace) {}

  /** keepalived's WHITE_SPACE_STR. */
  static boolean isWhiteSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\u000b';
  }

  /**
   * Where the word starting at {@code i} ends when it has no quote or backslash, or -1 when it
   * has one and needs the full rules.
   */
  private static int plainWordEnd(String text, int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isWhiteSpace(c) || c == '{' || c == '}') {
        return i;
      }
      if (c == '"' || c == '\'' || c == '\\') {
        return -1;
      }
      i++;
    }
    return n;
  }

  static List<Word> tokenize(LineText line, DiagnosticCollector diagnostics) {
    return tokenize(line, diagnostics, new WordCache());
  }

  static List<Word> tokenize(LineText line, DiagnosticCollector diagnostics, WordCache words) {
    List<Word> tokens = new ArrayList<>();
    String text = line.text();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isWhiteSpace(c)) {
        i++;
        continue;
      }
      if (c == '{' || c == '}') {
        tokens.add(new Word(new Token(String.valueOf(c), line.positionOf(i)), true));
        i++;
        continue;
      }
      int start = i;
      int plainEnd = plainWordEnd(text, i);
      if (plainEnd >= 0) {
        // Most words have no quote or escape: take them straight from the line.
        tokens.add(new Word(new Token(words.canonical(text, start, plainEnd), line.positionOf(start)), false));
        i = plainEnd;
        continue;
      }
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (i < n) {
        c = text.charAt(i);
        if (quote == 0 && (isWhiteSpace(c) || c == '{' || c == '}')) {
          break;
        }
        if (c == '\\') {
          i = escape(text, i, word);
        } else if (quote != 0 && c == quote) {
          quote = 0;
          i++;
        } else if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
          i++;
        } else {
          word.append(c);
          i++;
        }
      }
      if (quote == '"') {
        // keepalived 2.2.7 reports "Unterminated quote" and -t fails.
        diagnostics.error(line.positionOf(start), "missing terminating \"", text.substring(start), "\"");
      } else if (quote == '\'') {
        // keepalived 2.2.7 does not track single quotes on most lines: -t passes, so only warn.
        diagnostics.warning(line.positionOf(start), "missing terminating '", text.substring(start), "'");
      }
      tokens.add(new Word(new Token(word.toString(), line.positionOf(start)), false));
    }
    return tokens;
  }

  /**
   * Appends the character escaped by the backslash at {@code i}; returns the index after it.
   * {@code \a \b \E \f \n \r \t \v}, {@code \nnn} (up to 3 octal digits), {@code \xXX...} (hex
   * digits, keeping the low byte as C's char does), {@code \cC} (control-C); any other {@code \C}
   * is C. A backslash ending the line is kept: keepalived 2.2.7 reads {@code g\} as {@code g\}.
   */
  private static int escape(String text, int i, StringBuilder out) {
    int n = text.length();
    if (i + 1 == n) {
      out.append('\\');
      return n;
    }
    char e = text.charAt(i + 1);
    int j = i + 2;
    if (e == 'x' && j < n && Character.digit(text.charAt(j), 16) >= 0) {
      int value = 0;
      while (j < n && Character.digit(text.charAt(j), 16) >= 0) {
        value = (value << 4 | Character.digit(text.charAt(j), 16)) & 0xff;
        j++;
      }
      out.append((char) value);
      return j;
    }
    if (e == 'c' && j < n) {
      out.append((char) (text.charAt(j) & 0x1f));
      return j + 1;
    }
    if (e >= '0' && e <= '7') {
      int value = e - '0';
      for (int k = 0; k < 2 && j < n && text.charAt(j) >= '0' && text.charAt(j) <= '7'; k++) {
        value = value * 8 + (text.charAt(j) - '0');
        j++;
      }
      out.append((char) (value & 0xff));
      return j;
    }
    out.append(switch (e) {
      case 'a' -> '\u0007';
      case 'b' -> '\b';
      case 'E' -> '\u001b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> '\u000b';
      default -> e;
    });
    return j;
  }
}
