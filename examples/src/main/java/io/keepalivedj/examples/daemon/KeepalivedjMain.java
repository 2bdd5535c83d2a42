package io.keepalivedj.examples.daemon;

import io.keepalivedj.config.ConfigJson;
import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * {@code bin/keepalivedj}: keepalived's command line over Keepalived/J. Today it checks and dumps
 * configurations ({@code -t}, {@code --dump-config}); the VRRP and checker runtime comes with the
 * facade.
 */
public final class KeepalivedjMain {
  /** keepalived's exit codes (keepalived(8)): what scripts around it test for. */
  static final int EXIT_OK = 0;
  static final int EXIT_USAGE = 1;
  static final int EXIT_CANNOT_RUN = 3;
  static final int EXIT_CONFIG_ERRORS = 5;

  private KeepalivedjMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl;
    try {
      cl = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("keepalivedj: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (cl.help()) {
      out.print(CommandLine.usage());
      return EXIT_OK;
    }
    if (cl.version()) {
      out.println("Keepalived/J " + version() + " (keepalived 2.2 configuration compatible)");
      return EXIT_OK;
    }
    if (!cl.configTest() && !cl.dumpConfig() && !cl.summary()) {
      err.println("keepalivedj: the VRRP and health-check runtime is not built yet; "
          + "this version checks (-t) and dumps (--dump-config) configurations");
      return EXIT_CANNOT_RUN;
    }
    ParseOptions options = ParseOptions.defaults().withInterfaceCheck(HostInterfaces.current())
        .withEnvironment(System.getenv()).withAllConfig(cl.allConfig());
    if (cl.configId().isPresent()) {
      options = options.withConfigId(cl.configId().get());
    }
    ParseResult result = ConfigParser.check(cl.configFile(), options);
    if (cl.configTest()) {
      return configTest(cl, result, err);
    }
    for (Diagnostic d : result.diagnostics()) {
      err.println(d.format());
    }
    if (result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.FATAL)) {
      return EXIT_CANNOT_RUN;
    }
    out.print(cl.summary() ? ConfigSummary.of(result.config()) : ConfigJson.write(result.config()));
    return result.hasErrors() ? EXIT_CONFIG_ERRORS : EXIT_OK;
  }

  private static int configTest(CommandLine cl, ParseResult result, PrintStream err) {
    StringBuilder report = new StringBuilder();
    for (Diagnostic d : result.diagnostics()) {
      report.append(d.format()).append('\n');
    }
    int code;
    if (result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.FATAL)) {
      code = EXIT_CANNOT_RUN;
    } else {
      code = result.hasErrors() ? EXIT_CONFIG_ERRORS : EXIT_OK;
    }
    long errors = result.diagnostics().stream().filter(d -> d.severity().failsConfigTest()).count();
    long warnings = result.diagnostics().size() - errors;
    report.append(cl.configFile()).append(": ")
        .append(errors == 0 ? "configuration OK" : errors + " error(s)")
        .append(warnings > 0 ? ", " + warnings + " warning(s)" : "").append('\n');
    if (cl.configTestLog().isPresent()) {
      try {
        Files.writeString(cl.configTestLog().get(), report, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("keepalivedj: cannot write " + cl.configTestLog().get() + ": " + e.getMessage());
        err.print(report);
      }
    } else {
      err.print(report);
    }
    return code;
  }


  private static String version() {
    String v = KeepalivedjMain.class.getPackage().getImplementationVersion();
    return v != null ? v : "development";
  }

}
