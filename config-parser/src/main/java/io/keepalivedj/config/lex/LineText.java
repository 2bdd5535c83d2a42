package io.keepalivedj.config.lex;

import io.keepalivedj.config.SourcePosition;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of configuration text on its way through the preprocessor, with the original column of
 * every character. keepalived rewrites its line buffer in place (comment stripping, {@code @id}
 * removal, {@code $NAME} substitution); keeping a column per character lets every token still say
 * where it was written, and text inserted by a substitution carries the column of the reference.
 */
final class LineText {
  private final String file;
  private final int line;
  private final String text;
  /**
   * 1-based column in the original line of each character of {@link #text}; null while the text
   * is an unedited run of the line, whose character {@code i} is at {@code firstColumn + i}. Most
   * lines are never edited, so most lines never pay for the array.
   */
  private final int[] columns;
  private final int firstColumn;

  private LineText(String file, int line, String text, int[] columns, int firstColumn) {
    this.file = file;
    this.line = line;
    this.text = text;
    this.columns = columns;
    this.firstColumn = firstColumn;
  }

  /** A line as read from a file: character {@code i} is at column {@code i + 1}. */
  static LineText of(String file, int line, String text) {
    return new LineText(Objects.requireNonNull(file), line, text, null, 1);
  }

  /** Text that was not written on the line it appears on (a definition's value): one column for all. */
  static LineText at(SourcePosition position, String text) {
    int[] columns = new int[text.length()];
    Arrays.fill(columns, position.column());
    return new LineText(position.file(), position.line(), text, columns, 0);
  }

  private int column(int index) {
    return columns == null ? firstColumn + index : columns[index];
  }

  private int[] materialized() {
    if (columns != null) {
      return columns;
    }
    int[] c = new int[text.length()];
    for (int i = 0; i < c.length; i++) {
      c[i] = firstColumn + i;
    }
    return c;
  }

  String text() {
    return text;
  }

  String file() {
    return file;
  }

  int line() {
    return line;
  }

  int length() {
    return text.length();
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  char charAt(int index) {
    return text.charAt(index);
  }

  /** Where character {@code index} was written; the end of the line for {@code index == length()}. */
  SourcePosition positionOf(int index) {
    int n = text.length();
    int column;
    if (index < n) {
      column = column(index);
    } else if (n == 0) {
      column = columns == null ? firstColumn : 1;
    } else {
      column = column(n - 1) + 1;
    }
    return new SourcePosition(file, line, column);
  }

  /** Where the line starts: the first character's position. */
  SourcePosition position() {
    return positionOf(0);
  }

  LineText substring(int from, int to) {
    if (from == 0 && to == text.length()) {
      return this;
    }
    if (columns == null) {
      return new LineText(file, line, text.substring(from, to), null, firstColumn + from);
    }
    return new LineText(file, line, text.substring(from, to), Arrays.copyOfRange(columns, from, to), 0);
  }

  LineText substring(int from) {
    return substring(from, text.length());
  }

  /** Replaces characters {@code [from, to)} with {@code insert}, all of it placed at {@code column}. */
  LineText replace(int from, int to, String insert, int column) {
    int[] old = materialized();
    int[] c = new int[old.length - (to - from) + insert.length()];
    System.arraycopy(old, 0, c, 0, from);
    Arrays.fill(c, from, from + insert.length(), column);
    System.arraycopy(old, to, c, from + insert.length(), old.length - to);
    return new LineText(file, line, text.substring(0, from) + insert + text.substring(to), c, 0);
  }

  /** Removes the character at {@code index} (an escaping backslash). */
  LineText delete(int index) {
    return replace(index, index + 1, "", 0);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + text;
  }
}
