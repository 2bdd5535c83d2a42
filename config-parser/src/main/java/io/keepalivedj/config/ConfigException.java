package io.keepalivedj.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link ConfigParser#parse} when a configuration has errors: every diagnostic found is
 * attached, not just the first, so one run shows everything to fix.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ConfigException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(d -> d.severity().failsConfigTest()).count();
    return errors + " configuration error(s):\n"
        + diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}
