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
  /** 1-based column in the original line of each character of {@link #text}. */
  private final int[] columns;

  private LineText(String file, int line, String text, int[] columns) {
    this.file = file;
    this.line = line;
    this.text = text;
    this.columns = columns;
  }

  /** A line as read from a file: character {@code i} is at column {@code i + 1}. */
  static LineText of(String file, int line, String text) {
    int[] columns = new int[text.length()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i + 1;
    }
    return new LineText(Objects.requireNonNull(file), line, text, columns);
  }

  /** Text that was not written on the line it appears on (a definition's value): one column for all. */
  static LineText at(SourcePosition position, String text) {
    int[] columns = new int[text.length()];
    Arrays.fill(columns, position.column());
    return new LineText(position.file(), position.line(), text, columns);
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
    int column;
    if (index < columns.length) {
      column = columns[index];
    } else if (columns.length == 0) {
      column = 1;
    } else {
      column = columns[columns.length - 1] + 1;
    }
    return new SourcePosition(file, line, column);
  }

  /** Where the line starts: the first character's position. */
  SourcePosition position() {
    return positionOf(0);
  }

  LineText substring(int from, int to) {
    return new LineText(file, line, text.substring(from, to), Arrays.copyOfRange(columns, from, to));
  }

  LineText substring(int from) {
    return substring(from, text.length());
  }

  /** Replaces characters {@code [from, to)} with {@code insert}, all of it placed at {@code column}. */
  LineText replace(int from, int to, String insert, int column) {
    int[] c = new int[columns.length - (to - from) + insert.length()];
    System.arraycopy(columns, 0, c, 0, from);
    Arrays.fill(c, from, from + insert.length(), column);
    System.arraycopy(columns, to, c, from + insert.length(), columns.length - to);
    return new LineText(file, line, text.substring(0, from) + insert + text.substring(to), c);
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
