package io.keepalivedj.config.tree;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * One word of a configuration line after quoting, escapes and expansion: its text and where it
 * started. A quoted token's text has its quotes removed.
 */
public record Token(String text, SourcePosition position) {
  public Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String toString() {
    return text + "@" + position;
  }
}
