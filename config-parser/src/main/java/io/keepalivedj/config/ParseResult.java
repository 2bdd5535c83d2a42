package io.keepalivedj.config;

import io.keepalivedj.config.tree.ConfigTree;
import java.util.List;
import java.util.Objects;

/**
 * Everything one parse produced: the generic tree, the typed model (built even when there are
 * errors, with keepalived's fallbacks, so {@code --dump-config} can show what would run) and every
 * diagnostic in the order found.
 */
public record ParseResult(ConfigTree tree, KeepalivedConfig config, List<Diagnostic> diagnostics) {
  public ParseResult {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(config, "config");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether {@code keepalived -t} would fail on this configuration. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity().failsConfigTest());
  }

  /** The model, or every diagnostic as an exception when there are errors. */
  public KeepalivedConfig configOrThrow() throws ConfigException {
    if (hasErrors()) {
      throw new ConfigException(diagnostics);
    }
    return config;
  }
}
