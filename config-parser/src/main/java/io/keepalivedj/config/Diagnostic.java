package io.keepalivedj.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a configuration: where, how bad, what is wrong, the offending text and, when
 * there is something to say, what was expected instead.
 *
 * @param severity how bad it is
 * @param position where; {@link SourcePosition#NONE} when it belongs to no line
 * @param message what is wrong, as a sentence without a trailing period
 * @param offendingText the text at fault, empty when nothing in the file is (a missing block)
 * @param expected what would have been accepted, empty when obvious
 */
public record Diagnostic(
    Severity severity,
    SourcePosition position,
    String message,
    String offendingText,
    String expected) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(offendingText, "offendingText");
    Objects.requireNonNull(expected, "expected");
  }

  public static Diagnostic error(SourcePosition at, String message, String offendingText, String expected) {
    return new Diagnostic(Severity.ERROR, at, message, offendingText, expected);
  }

  public static Diagnostic warning(SourcePosition at, String message, String offendingText, String expected) {
    return new Diagnostic(Severity.WARNING, at, message, offendingText, expected);
  }

  public static Diagnostic fatal(SourcePosition at, String message, String offendingText, String expected) {
    return new Diagnostic(Severity.FATAL, at, message, offendingText, expected);
  }

  public Optional<String> expectedText() {
    return expected.isEmpty() ? Optional.empty() : Optional.of(expected);
  }

  /**
   * {@code file:line:column: error: message: 'text' (expected ...)}, one line, in the form
   * compilers use.
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(position).append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(message);
    if (!offendingText.isEmpty()) {
      sb.append(": '").append(offendingText).append('\'');
    }
    if (!expected.isEmpty()) {
      sb.append(" (expected ").append(expected).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
