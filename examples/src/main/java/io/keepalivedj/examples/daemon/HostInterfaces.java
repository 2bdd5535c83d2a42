package io.keepalivedj.examples.daemon;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The interfaces of the network namespace this process runs in, as {@code keepalived -t} sees them:
 * every link by name, up or down, with or without addresses. {@link NetworkInterface} is not enough:
 * on Linux it only lists interfaces that carry an address, so a link that is down without IPv6, or
 * up with none, would look missing. {@code /proc/net/dev} lists them all, for the namespace of the
 * reading process.
 */
final class HostInterfaces implements Predicate<String> {
  private final Set<String> names;

  private HostInterfaces(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  static HostInterfaces current() {
    return new HostInterfaces(read(Path.of("/proc/net/dev")));
  }

  /** Interface names from a /proc/net/dev text: two header lines, then "  NAME: counters...". */
  static Set<String> parse(List<String> lines) {
    Set<String> out = new HashSet<>();
    for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.add(line.substring(0, colon).trim());
      }
    }
    return out;
  }

  private static Set<String> read(Path procNetDev) {
    try {
      return parse(Files.readAllLines(procNetDev));
    } catch (IOException e) {
      // No procfs (not Linux): the JDK's view, which at least knows interfaces with addresses.
      Set<String> out = new HashSet<>();
      try {
        NetworkInterface.networkInterfaces().forEach(i -> out.add(i.getName()));
      } catch (SocketException ignored) {
        // nothing known: every interface check will report the interface missing
      }
      return out;
    }
  }

  @Override
  public boolean test(String name) {
    return names.contains(name);
  }
}
