package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * {@code TCP_CHECK { ... }}: a TCP connect succeeds.
 *
 * @param common connection and timing options (the only options it has)
 * @param position where the keyword is
 */
public record TcpChecker(CheckerCommon common, SourcePosition position) implements CheckerConfig {
  public TcpChecker {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "TCP_CHECK";
  }
}
