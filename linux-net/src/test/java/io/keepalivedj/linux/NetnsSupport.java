package io.keepalivedj.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Namespaces for @Tag("netns") tests: named kjln-PID-N, made and deleted by the test, so no
 * test touches the host's interfaces. Without root or ip(8): fail when CI=true, else abort.
 */
public final class NetnsSupport {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private NetnsSupport() {
  }

  /** Fails (CI) or aborts (laptop) naming what is missing. */
  public static void requireRootAndIp() {
    String missing = null;
    if (!isRoot()) {
      missing = "netns tests need root (uid 0) to create network namespaces";
    } else if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
        && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
      missing = "netns tests need ip(8) from iproute2 (apt-get install iproute2)";
    }
    if (missing != null) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(missing);
      }
      Assumptions.abort(missing);
    }
  }

  private static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // effective uid
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** A new empty namespace; delete it with {@link #deleteNamespace}. */
  public static String createNamespace() {
    String name = "kjln-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    run("ip", "netns", "add", name);
    return name;
  }

  public static void deleteNamespace(String name) {
    if (name != null) {
      run("ip", "netns", "del", name);
    }
  }

  /** Runs a command, fails the test on a non-zero exit, returns stdout. */
  public static String run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Open socket and eventfd descriptors of this JVM: what our sockets could leak. Other
   * descriptors come and go on their own (pipes of finished ip(8) processes are closed whenever
   * the GC gets to them), so counting them makes a leak test flaky.
   */
  public static long socketAndEventFdCount() throws IOException {
    List<Path> entries = new ArrayList<>();
    try (var stream = Files.list(Path.of("/proc/self/fd"))) {
      stream.forEach(entries::add);
    }
    long n = 0;
    for (Path p : entries) {
      String target;
      try {
        target = Files.readSymbolicLink(p).toString();
      } catch (IOException e) {
        continue; // closed while listing
      }
      if (target.startsWith("socket:") || target.equals("anon_inode:[eventfd]")) {
        n++;
      }
    }
    return n;
  }
}
