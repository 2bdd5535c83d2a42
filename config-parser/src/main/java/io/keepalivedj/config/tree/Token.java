package io.keepalivedj.config.tree;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * One word of a configuration line after quoting, escapes and expansion: its text and where it
 * started. A quoted token's text has its quotes removed.
 *
 * <p>The position is kept as its three parts rather than a {@link SourcePosition}, which
 * {@link #position()} makes on demand: a large file has millions of tokens and few of their
 * positions are ever asked for (diagnostics), so this saves an object per token.
 */
public record Token(String text, String file, int line, int column) {
  public Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(file, "file");
  }

  public Token(String text, SourcePosition position) {
    this(text, position.file(), position.line(), position.column());
  }

  /** Where the token starts. */
  public SourcePosition position() {
    return new SourcePosition(file, line, column);
  }

  @Override
  public String toString() {
    return text + "@" + position();
  }
}
