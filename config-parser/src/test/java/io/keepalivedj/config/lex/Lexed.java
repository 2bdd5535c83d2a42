package io.keepalivedj.config.lex;

import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.Severity;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.ConfigTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A read configuration and its diagnostics, rendered compactly for assertions. */
record Lexed(ConfigTree tree, List<Diagnostic> diagnostics) {

  static final ParseOptions OPTIONS = new ParseOptions("main", name -> java.util.Optional.empty(),
      java.util.Optional.empty(), 1L, false);

  static Lexed of(String text) {
    return of(text, OPTIONS);
  }

  static Lexed of(String text, ParseOptions options) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    ConfigTree tree = ConfigReader.readString(text, "t.conf", Path.of("/nonexistent-base"), options, diagnostics);
    return new Lexed(tree, diagnostics.diagnostics());
  }

  static Lexed ofFile(Path file) {
    return ofFile(file, OPTIONS);
  }

  static Lexed ofFile(Path file, ParseOptions options) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    ConfigTree tree = ConfigReader.readFile(file, options, diagnostics);
    return new Lexed(tree, diagnostics.diagnostics());
  }

  static ParseOptions env(Map<String, String> env) {
    return OPTIONS.withEnvironment(env);
  }

  /**
   * One string per node, depth first: words joined by '|' so token boundaries show, children
   * indented by two spaces, a block marked by a trailing " {".
   */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    tree.roots().forEach(n -> render(n, "", out));
    return out;
  }

  private static void render(ConfigNode node, String indent, List<String> out) {
    StringBuilder sb = new StringBuilder(indent).append(node.name());
    node.argTexts().forEach(a -> sb.append('|').append(a));
    out.add(sb + (node.block() ? " {" : ""));
    node.children().forEach(c -> render(c, indent + "  ", out));
  }

  /** Just the top-level keywords. */
  List<String> keywords() {
    return tree.roots().stream().map(ConfigNode::name).toList();
  }

  /** Diagnostics as "SEVERITY line:col message". */
  List<String> problems() {
    return diagnostics.stream()
        .map(d -> d.severity() + " " + d.position().line() + ":" + d.position().column() + " " + d.message())
        .toList();
  }

  boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity().failsConfigTest());
  }

  List<Diagnostic> bySeverity(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).toList();
  }

  ConfigNode root(int index) {
    return tree.roots().get(index);
  }
}
