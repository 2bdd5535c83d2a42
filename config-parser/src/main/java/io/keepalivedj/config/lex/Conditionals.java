package io.keepalivedj.config.lex;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code @id} / {@code @^id} lines (keepalived.conf(5), "Conditional configuration and
 * configuration id"): a line starting {@code @word} is kept, without that prefix, only when
 * {@code word} is the config-id; {@code @^word} only when it is not.
 */
final class Conditionals {
  private final String configId;

  Conditionals(String configId) {
    this.configId = Objects.requireNonNull(configId, "configId");
  }

  /**
   * The line to go on with: unchanged when it is not conditional, the rest after the id when the
   * condition holds, empty when the line is dropped. A conditional with nothing after the id is
   * dropped whatever the id (keepalived 2.2.7: {@code @main} alone is ignored even with
   * {@code -i main}).
   */
  Optional<LineText> apply(LineText line) {
    if (line.isEmpty() || line.charAt(0) != '@') {
      return Optional.of(line);
    }
    boolean negated = line.length() > 1 && line.charAt(1) == '^';
    int idStart = negated ? 2 : 1;
    String text = line.text();
    int idEnd = idStart;
    while (idEnd < text.length() && !Decommenter.isBlank(text.charAt(idEnd))) {
      idEnd++;
    }
    if (idEnd == text.length()) {
      return Optional.empty();
    }
    boolean matches = text.substring(idStart, idEnd).equals(configId);
    if (matches == negated) {
      return Optional.empty();
    }
    int rest = idEnd;
    while (rest < text.length() && Decommenter.isBlank(text.charAt(rest))) {
      rest++;
    }
    return Optional.of(line.substring(rest));
  }
}
