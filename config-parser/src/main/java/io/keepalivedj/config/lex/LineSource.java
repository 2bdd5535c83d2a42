package io.keepalivedj.config.lex;

import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.Severity;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.lex.IncludeDirective.Check;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * The physical lines of the main file and of everything it includes, in reading order: an
 * included file's lines come right after its include line. Relative include patterns resolve
 * against the including file's directory (keepalived changes directory into it).
 */
final class LineSource {
  /**
   * keepalived reads lines with {@code fgets(buf, MAXBUF)}, MAXBUF 1024: a line of 1023 bytes or
   * more (without its newline) does not fit. keepalived 2.2.7 silently reads such a line as
   * several 1023-byte lines; 2.4.0 reports "line too long - ignoring" and drops it, which is what
   * this reader does.
   */
  static final int MAX_LINE_BYTES = 1022;

  private final Deque<OpenFile> stack = new ArrayDeque<>();
  private final DiagnosticCollector diagnostics;
  /** keepalived's {@code -e}: every include is checked as {@code includea} is. */
  private boolean checkAll;

  private LineSource(DiagnosticCollector diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The main file, or empty after a FATAL diagnostic when it cannot be read. */
  static Optional<LineSource> openMain(Path file, DiagnosticCollector diagnostics) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      diagnostics.fatal(SourcePosition.NONE, "configuration file " + name + " is a directory", name, "a file");
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      diagnostics.fatal(SourcePosition.NONE, "cannot read configuration file " + name + ": " + describe(e), name, "");
      return Optional.empty();
    }
    LineSource source = new LineSource(diagnostics);
    source.stack.push(new OpenFile(name, directoryOf(file), realPath(file), bytes));
    return Optional.of(source);
  }

  /** Text held in memory, named {@code name} in positions, including relative to {@code baseDirectory}. */
  static LineSource ofString(String text, String name, Path baseDirectory, DiagnosticCollector diagnostics) {
    LineSource source = new LineSource(diagnostics);
    source.stack.push(new OpenFile(name, baseDirectory, null, text.getBytes(StandardCharsets.UTF_8)));
    return source;
  }

  /** Makes every include as strict as {@code includea} (keepalived's {@code -e/--all-config}). */
  LineSource checkingAllIncludes(boolean all) {
    this.checkAll = all;
    return this;
  }

  /** The next physical line, without its line end; empty lines included; null at the end. */
  LineText next() {
    while (!stack.isEmpty()) {
      OpenFile file = stack.peek();
      LineText line = file.nextLine(diagnostics);
      if (line != null) {
        return line;
      }
      stack.pop();
    }
    return null;
  }

  /** The directory of the file being read, absolute: {@code ${_PWD}}. */
  String currentDirectory() {
    Path dir = stack.isEmpty() ? Path.of("") : stack.peek().directory;
    return dir.toAbsolutePath().normalize().toString();
  }

  /** Opens what an include line names; its lines are read next. */
  void include(IncludeDirective include) {
    OpenFile including = stack.peek();
    SourcePosition at = include.line().position();
    GlobExpander.Result glob = GlobExpander.expand(include.pattern(), including.directory);
    String pattern = include.pattern();
    if (glob.matches().isEmpty()) {
      if (glob.missing() > 0) {
        report(include, glob.braces() ? Check.BRACE_MATCH : Check.MATCH, at, "config files missing", pattern);
      } else if (glob.wildcards() && include.checks().contains(Check.WILDCARD_MATCH)) {
        // A wildcard matching nothing is silent for a plain include: the optional conf.d case.
        report(include, Check.WILDCARD_MATCH, at, "no config files matched", pattern);
      }
      return;
    }
    if (glob.missing() > 0) {
      report(include, Check.BRACE_MATCH, at, "some config files missing", pattern);
      if (include.checks().contains(Check.BRACE_MATCH)) {
        return;
      }
    }
    // Push in reverse so the first match is read first.
    Deque<OpenFile> opened = new ArrayDeque<>();
    for (Path match : glob.matches()) {
      open(include, match, at).ifPresent(opened::push);
    }
    opened.forEach(stack::push);
  }

  private Optional<OpenFile> open(IncludeDirective include, Path match, SourcePosition at) {
    String name = match.toString();
    if (Files.isDirectory(match)) {
      report(include, Check.READABLE, at, "configuration file is a directory - skipping", name);
      return Optional.empty();
    }
    if (!Files.isRegularFile(match) || isExecutable(match)) {
      report(include, Check.READABLE, at, "configuration file is not a regular non-executable file - skipping", name);
      return Optional.empty();
    }
    Path real = realPath(match);
    if (real != null) {
      for (OpenFile open : stack) {
        if (real.equals(open.realPath)) {
          StringBuilder cycle = new StringBuilder();
          stack.descendingIterator().forEachRemaining(f -> cycle.append(f.name).append(" -> "));
          diagnostics.error(at, "include cycle: " + cycle + name + "; not included again", include.line().text(), "");
          return Optional.empty();
        }
      }
    }
    try {
      return Optional.of(new OpenFile(name, directoryOf(match), real, Files.readAllBytes(match)));
    } catch (IOException | SecurityException e) {
      report(include, Check.READABLE, at, "configuration file open problem (" + describe(e) + ") - skipping", name);
      return Optional.empty();
    }
  }

  /** An error when the include asked for this check, else a warning (keepalived's file_config_error). */
  private void report(IncludeDirective include, Check check, SourcePosition at, String message, String text) {
    Severity severity = checkAll || include.checks().contains(check) ? Severity.ERROR : Severity.WARNING;
    diagnostics.report(new Diagnostic(severity, at, message, text, ""));
  }

  /** keepalived refuses files with any execute bit (check_glob_file). */
  private static boolean isExecutable(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.contains(PosixFilePermission.OWNER_EXECUTE)
          || perms.contains(PosixFilePermission.GROUP_EXECUTE)
          || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static Path directoryOf(Path file) {
    Path parent = file.getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static String describe(Exception e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }

  /** One file being read: its bytes and how far. */
  private static final class OpenFile {
    final String name;
    final Path directory;
    final Path realPath;
    private final byte[] bytes;
    private int offset;
    private int lineNumber;

    OpenFile(String name, Path directory, Path realPath, byte[] bytes) {
      this.name = name;
      this.directory = directory;
      this.realPath = realPath;
      this.bytes = bytes;
    }

    LineText nextLine(DiagnosticCollector diagnostics) {
      if (offset >= bytes.length) {
        return null;
      }
      int start = offset;
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      offset = end + 1;
      lineNumber++;
      int length = end - start;
      for (int i = start; i < end; i++) {
        if (bytes[i] == 0) {
          diagnostics.error(new SourcePosition(name, lineNumber, 0),
              "configuration appears to have embedded NULs - ignoring line", "", "");
          return LineText.of(name, lineNumber, "");
        }
      }
      if (length > MAX_LINE_BYTES) {
        diagnostics.error(new SourcePosition(name, lineNumber, 0), "line too long - ignoring",
            new String(bytes, start, Math.min(length, 40), StandardCharsets.UTF_8) + "...",
            "at most " + MAX_LINE_BYTES + " bytes");
        return LineText.of(name, lineNumber, "");
      }
      while (end > start && (bytes[end - 1] == '\r' || bytes[end - 1] == '\n')) {
        end--;
      }
      return LineText.of(name, lineNumber, new String(bytes, start, end - start, StandardCharsets.UTF_8));
    }
  }
}
