package io.keepalivedj.config;

import io.keepalivedj.config.bind.BindContext;
import io.keepalivedj.config.bind.ConfigBinder;
import io.keepalivedj.config.lex.ConfigReader;
import io.keepalivedj.config.tree.ConfigTree;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads keepalived.conf files into a {@link KeepalivedConfig}.
 *
 * <pre>{@code
 * KeepalivedConfig config = ConfigParser.parse(Path.of("/etc/keepalived/keepalived.conf"));
 * }</pre>
 *
 * <p>{@code parse} throws a {@link ConfigException} carrying every diagnostic when the file has
 * errors (anything {@code keepalived -t} would fail on); {@link #check} never throws for a
 * configuration problem and returns the tree, the model with keepalived's fallbacks, and every
 * diagnostic, which is what {@code keepalivedj -t} prints.
 */
public final class ConfigParser {
  private ConfigParser() {}

  /** Parses a file and its includes with {@link ParseOptions#defaults()}. */
  public static KeepalivedConfig parse(Path file) throws ConfigException {
    return check(file, ParseOptions.defaults()).configOrThrow();
  }

  /** Parses configuration text; relative includes resolve against the working directory. */
  public static KeepalivedConfig parse(String text) throws ConfigException {
    return check(text, "<string>", Path.of(""), ParseOptions.defaults()).configOrThrow();
  }

  /** Parses everything a reader holds, as {@link #parse(String)}. */
  public static KeepalivedConfig parse(Reader reader) throws ConfigException, IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = reader.read(buf)) > 0; ) {
      sb.append(buf, 0, n);
    }
    return parse(sb.toString());
  }

  /** Reads, binds and validates a file, reporting problems as diagnostics. */
  public static ParseResult check(Path file, ParseOptions options) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    ConfigTree tree = ConfigReader.readFile(file, options, diagnostics);
    return bind(tree, options, diagnostics);
  }

  /** Reads, binds and validates text; {@code name} stands for the file in positions. */
  public static ParseResult check(String text, String name, Path baseDirectory, ParseOptions options) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    ConfigTree tree = ConfigReader.readString(text, name, baseDirectory, options, diagnostics);
    return bind(tree, options, diagnostics);
  }

  private static ParseResult bind(ConfigTree tree, ParseOptions options, DiagnosticCollector diagnostics) {
    KeepalivedConfig config = ConfigBinder.bind(tree, new BindContext(diagnostics, options));
    return new ParseResult(tree, config, diagnostics.diagnostics());
  }

}
