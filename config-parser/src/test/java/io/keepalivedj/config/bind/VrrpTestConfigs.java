package io.keepalivedj.config.bind;

import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses configuration text for the global/VRRP binder tests: the real reader, file name
 * {@code t.conf}, a fixed config-id, and an interface check under which only {@code lo},
 * {@code eth0} and {@code eth1} exist (the namespace keepalived -t was run in to check the
 * expected diagnostics).
 */
final class VrrpTestConfigs {
  static final String FILE = "t.conf";
  static final Set<String> INTERFACES = Set.of("lo", "eth0", "eth1");

  private VrrpTestConfigs() {}

  static ParseResult parse(String text) {
    return ConfigParser.check(text, FILE, Path.of("."),
        ParseOptions.defaults().withConfigId("test").withInterfaceCheck(INTERFACES::contains));
  }

  /** Diagnostics that fail -t, as {@code line:column: message: 'text'} lines for assertions. */
  static List<String> errors(ParseResult r) {
    return r.diagnostics().stream().filter(d -> d.severity().failsConfigTest()).map(VrrpTestConfigs::brief)
        .collect(Collectors.toList());
  }

  static List<String> warnings(ParseResult r) {
    return r.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(VrrpTestConfigs::brief)
        .collect(Collectors.toList());
  }

  static String brief(Diagnostic d) {
    return d.position().line() + ":" + d.position().column() + ": " + d.message() + ": '" + d.offendingText() + "'";
  }
}
