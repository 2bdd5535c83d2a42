package io.keepalivedj.examples.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived's command line (keepalived(8)), parsed into a record. Short options take their
 * value as the next word or glued ({@code -f FILE}, {@code -fFILE}); long options as the next word
 * or after {@code =}. Flags that configure parts of the daemon not built yet are accepted and kept,
 * so existing unit files and scripts start us unchanged.
 *
 * @param configFile {@code -f/--use-file}; keepalived's default /etc/keepalived/keepalived.conf
 * @param configTest {@code -t/--config-test}: check the configuration and exit
 * @param configTestLog {@code --config-test=LOG_FILE}: where -t writes, stderr when empty
 * @param dumpConfig {@code --dump-config}: print the parsed model as JSON and exit
 * @param summary {@code --summary}: print what the configuration will do, with derived timings
 * @param configId {@code -i/--config-id}: id for {@code @} lines; empty means the short host name
 * @param allConfig {@code -e/--all-config}: a missing include file is an error
 * @param version {@code -v/--version}
 * @param help {@code -h/--help}
 * @param otherOptions every other recognised option as written, in order
 */
public record CommandLine(
    Path configFile,
    boolean configTest,
    Optional<Path> configTestLog,
    boolean dumpConfig,
    boolean summary,
    Optional<String> configId,
    boolean allConfig,
    boolean version,
    boolean help,
    List<String> otherOptions) {

  public static final Path DEFAULT_CONFIG = Path.of("/etc/keepalived/keepalived.conf");

  public CommandLine {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(configTestLog, "configTestLog");
    Objects.requireNonNull(configId, "configId");
    otherOptions = List.copyOf(otherOptions);
  }

  /** Flags without a value that keepalived accepts. */
  private static final List<String> FLAGS = List.of(
      "-P", "--vrrp", "-C", "--check", "-B", "--no_bfd", "--all", "-l", "--log-console", "-D", "--log-detail",
      "-G", "--no-syslog", "-X", "--release-vips", "-V", "--dont-release-vrrp", "-I", "--dont-release-ipvs",
      "-R", "--dont-respawn", "-n", "--dont-fork", "-d", "--dump-conf", "-a", "--address-monitoring",
      "-x", "--snmp", "-m", "--core-dump");

  /** Options with a value that keepalived accepts and we keep for later parts of the daemon. */
  private static final List<String> VALUED = List.of(
      "-S", "--log-facility", "-u", "--umask", "-p", "--pid", "-r", "--vrrp_pid", "-c", "--checkers_pid",
      "-b", "--bfd_pid", "-A", "--snmp-agent-socket", "-s", "--namespace", "-M", "--core-dump-pattern",
      "--signum");

  /** Parses arguments; a usage problem is an {@link IllegalArgumentException} with the reason. */
  public static CommandLine parse(String... args) {
    Path file = DEFAULT_CONFIG;
    boolean test = false;
    Optional<Path> testLog = Optional.empty();
    boolean dump = false;
    boolean summary = false;
    Optional<String> id = Optional.empty();
    boolean all = false;
    boolean version = false;
    boolean help = false;
    List<String> other = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String glued = null;
      if (a.startsWith("--") && a.contains("=")) {
        name = a.substring(0, a.indexOf('='));
        glued = a.substring(a.indexOf('=') + 1);
      } else if (a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-' && takesValue(a.substring(0, 2))) {
        name = a.substring(0, 2);
        glued = a.substring(2);
      }
      switch (name) {
        case "-f", "--use-file" -> {
          String v = glued != null ? glued : next(args, ++i, name);
          file = Path.of(v);
        }
        case "-t", "--config-test" -> {
          test = true;
          if (glued != null && !glued.isEmpty()) {
            testLog = Optional.of(Path.of(glued));
          }
        }
        case "--dump-config" -> dump = true;
        case "--summary" -> summary = true;
        case "-i", "--config-id" -> id = Optional.of(glued != null ? glued : next(args, ++i, name));
        case "-e", "--all-config" -> all = true;
        case "-v", "--version" -> version = true;
        case "-h", "--help" -> help = true;
        default -> {
          if (FLAGS.contains(name) && glued == null) {
            other.add(a);
          } else if (VALUED.contains(name)) {
            String v = glued != null ? glued : next(args, ++i, name);
            other.add(name + "=" + v);
          } else {
            throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
          }
        }
      }
    }
    return new CommandLine(file, test, testLog, dump, summary, id, all, version, help, other);
  }

  private static boolean takesValue(String shortOption) {
    return shortOption.equals("-f") || shortOption.equals("-i") || VALUED.contains(shortOption);
  }

  private static String next(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option '" + option + "' needs a value");
    }
    return args[i];
  }

  static String usage() {
    return """
        Usage: keepalivedj [OPTION...]
          -f, --use-file=FILE        Use the specified configuration file
                                     default '/etc/keepalived/keepalived.conf'
          -t, --config-test[=FILE]   Check the configuration and exit: 0 when it is clean,
                                     5 when it has errors (each printed as file:line:column),
                                     3 when it cannot be read at all
              --dump-config          Print the parsed configuration as JSON (docs/config-json.md)
              --summary              Print what the configuration will do: instances, VIPs,
                                     failover and checker timings, virtual and real servers
          -i, --config-id ID         Keep '@ID' lines and drop '@^ID' lines
                                     (default: the short host name)
          -e, --all-config           A missing include file is an error
          -v, --version              Display the version
          -h, --help                 Display this help
        keepalived's other options (-P -C -n -l -D -p -r -c ...) are accepted; the VRRP and
        checker runtime behind them is not built yet (see README.md).
        """;
  }
}
