package io.keepalivedj.config.lex;

import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.tree.ConfigTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads keepalived.conf text into a generic block tree: files and includes ({@link LineSource}),
 * comments, conditionals, definitions and sequences ({@link Preprocessor}), words
 * ({@link Tokenizer}) and blocks ({@link TreeBuilder}). Problems are reported to the collector,
 * never thrown; the tree holds whatever could be read.
 */
public final class ConfigReader {
  private ConfigReader() {}

  /**
   * Reads a file and everything it includes into a block tree. A main file that cannot be read
   * gives a FATAL diagnostic and an empty tree.
   */
  public static ConfigTree readFile(Path file, ParseOptions options, DiagnosticCollector diagnostics) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return LineSource.openMain(file, diagnostics)
        .map(source -> read(source.checkingAllIncludes(options.allConfig()), options, diagnostics))
        .orElseGet(() -> new ConfigTree(List.of()));
  }

  /**
   * Reads text held in memory; {@code name} appears in positions, relative includes resolve
   * against {@code baseDirectory}.
   */
  public static ConfigTree readString(String text, String name, Path baseDirectory, ParseOptions options,
      DiagnosticCollector diagnostics) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(options, "options");
    return read(LineSource.ofString(text, name, baseDirectory, diagnostics).checkingAllIncludes(options.allConfig()),
        options, diagnostics);
  }

  private static ConfigTree read(LineSource source, ParseOptions options, DiagnosticCollector diagnostics) {
    Variables variables = new Variables(options.configId(), options.environment(), options.randomSeed(),
        source::currentDirectory, diagnostics);
    Preprocessor lines = new Preprocessor(source, new Conditionals(options.configId()), variables, diagnostics);
    TreeBuilder tree = new TreeBuilder(diagnostics);
    WordCache words = new WordCache();
    for (LineText line = lines.next(); line != null; line = lines.next()) {
      tree.line(Tokenizer.tokenize(line, diagnostics, words));
    }
    return tree.finish();
  }
}
