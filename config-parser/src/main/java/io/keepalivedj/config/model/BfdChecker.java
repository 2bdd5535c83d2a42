package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code BFD_CHECK { ... }}: the real server follows the state of a {@code bfd_instance}.
 *
 * @param name {@code name}: a {@code bfd_instance} defined in the file; required
 * @param alpha {@code alpha}: start in the failed state; default the real server's {@code alpha}
 * @param position where the keyword is
 */
public record BfdChecker(String name, Optional<Boolean> alpha, SourcePosition position) implements CheckerConfig {
  public BfdChecker {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("BFD_CHECK needs a name");
    }
    Objects.requireNonNull(alpha, "alpha");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "BFD_CHECK";
  }
}
