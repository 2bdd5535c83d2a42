package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A command named in the configuration (notify scripts, {@code vrrp_script}'s {@code script},
 * {@code misc_path}, ...), split into words as keepalived splits it: unquoted spaces separate
 * words, and a quoted string is one argument list to split again, so
 * {@code notify_master "/bin/x a 'b c'"} is {@code [/bin/x, a, b c]}.
 *
 * @param argv the program and its arguments; never empty
 * @param position where it was written, for runtime messages
 */
public record Script(List<String> argv, SourcePosition position) {
  public Script {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a script needs a program");
    }
    Objects.requireNonNull(position, "position");
  }

  public static Script of(String... argv) {
    return new Script(List.of(argv), SourcePosition.NONE);
  }

  public String program() {
    return argv.get(0);
  }

  /** The command line as one string, words joined by a space. */
  public String commandLine() {
    return String.join(" ", argv);
  }

  @Override
  public String toString() {
    return commandLine();
  }
}
