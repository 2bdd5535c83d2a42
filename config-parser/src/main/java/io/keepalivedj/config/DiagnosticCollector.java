package io.keepalivedj.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics while a configuration is read and bound. Every stage reports here instead
 * of throwing, so one run shows every problem of a file, in the order found. Not thread-safe: one
 * collector per parse.
 */
public final class DiagnosticCollector {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public void report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  public void error(SourcePosition at, String message, String offendingText, String expected) {
    report(Diagnostic.error(at, message, offendingText, expected));
  }

  public void warning(SourcePosition at, String message, String offendingText, String expected) {
    report(Diagnostic.warning(at, message, offendingText, expected));
  }

  public void fatal(SourcePosition at, String message, String offendingText, String expected) {
    report(Diagnostic.fatal(at, message, offendingText, expected));
  }

  /** Whether anything reported so far would make {@code keepalived -t} fail. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity().failsConfigTest());
  }

  public boolean hasFatal() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.FATAL);
  }

  /** What has been reported, in order. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
