package io.keepalivedj.config.lex;

import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.tree.ConfigTree;
import java.nio.file.Path;

/** SCAFFOLD: replaced by the real reader (lexing, preprocessing, tree building). */
public final class ConfigReader {
  private ConfigReader() {}

  /** Reads a file and everything it includes into a block tree. */
  public static ConfigTree readFile(Path file, ParseOptions options, DiagnosticCollector diagnostics) {
    throw new UnsupportedOperationException("scaffold");
  }

  /**
   * Reads text held in memory; {@code name} appears in positions, relative includes resolve
   * against {@code baseDirectory}.
   */
  public static ConfigTree readString(String text, String name, Path baseDirectory, ParseOptions options,
      DiagnosticCollector diagnostics) {
    throw new UnsupportedOperationException("scaffold");
  }
}
