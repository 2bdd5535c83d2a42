package io.keepalivedj.config;

import java.util.Objects;

/**
 * Where a token or diagnostic comes from: a file (or a pseudo-name such as {@code <string>} for
 * text parsed from memory), a 1-based line and a 1-based column. Text produced by a {@code $}
 * variable or {@code ~SEQ} expansion keeps the position of the line that used it.
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

  /** Position used for problems that belong to no line (a missing main file, say). */
  public static final SourcePosition NONE = new SourcePosition("", 0, 0);

  public SourcePosition {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
  }

  public static SourcePosition of(String file, int line, int column) {
    return new SourcePosition(file, line, column);
  }

  /** The same place, another column: positions of tokens within one line. */
  public SourcePosition withColumn(int newColumn) {
    return new SourcePosition(file, line, newColumn);
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  /** {@code file:line:column}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    if (this.equals(NONE)) {
      return "<no position>";
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
