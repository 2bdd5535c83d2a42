package io.keepalivedj.examples.lab;

import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.testing.ClassPath;
import io.keepalivedj.testing.LabProcess;
import io.keepalivedj.testing.Netns;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real server's HTTP server, started inside its namespace and bound to its own address (the
 * seed's Apache): python3's http.server when python3 is installed, else {@link TinyHttpServer}.
 * {@link #start} returns once the port accepts connections, so a check that follows finds it up.
 */
final class WebServer implements AutoCloseable {
  /** How long a server may take to listen: a JVM's start on a slow guest, with room. */
  static final Duration READY_WITHIN = Duration.ofSeconds(20);
  private static final Duration PROBE_EVERY = Duration.ofMillis(50);
  private static final Path SYSTEM_PYTHON3 = Path.of("/usr/bin/python3");

  /** Which server to run. */
  enum Kind {
    AUTO, PYTHON3, JAVA;

    static Kind fromName(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--web-server is auto, python3 or java: '" + name + "'");
      }
    }
  }

  private final Netns netns;
  private final InetAddress address;
  private final int port;
  private final LabProcess process;
  private final String description;
  private final Instant listeningAt;

  private WebServer(Netns netns, InetAddress address, int port, LabProcess process, String description,
      Instant listeningAt) {
    this.netns = netns;
    this.address = address;
    this.port = port;
    this.process = process;
    this.description = description;
    this.listeningAt = listeningAt;
  }

  /**
   * Starts a server on {@code address:port} inside {@code netns}, serving {@code docroot}, and
   * waits until it listens.
   */
  static WebServer start(Netns netns, InetAddress address, int port, Path docroot, Kind kind) {
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(docroot, "docroot");
    String step = "start the HTTP server on " + address.getHostAddress() + ":" + port;
    Optional<Path> python = kind == Kind.JAVA ? Optional.empty() : python3();
    if (kind == Kind.PYTHON3 && python.isEmpty()) {
      throw new LabStepException(step, "--web-server python3, but no python3 is installed");
    }
    List<String> command;
    String description;
    if (python.isPresent()) {
      command = List.of(python.get().toString(), "-m", "http.server", "--bind", address.getHostAddress(),
          "--directory", docroot.toString(), Integer.toString(port));
      description = "python3 -m http.server";
    } else {
      command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
          "-XX:TieredStopAtLevel=1", "-cp", classPath(), TinyHttpServer.class.getName(), address.getHostAddress(),
          Integer.toString(port), docroot.toString());
      description = "Keepalived/J's TinyHttpServer (no python3 installed)";
    }
    LabProcess process = netns.start(command);
    Instant deadline = Instant.now().plus(READY_WITHIN);
    while (!accepts(netns, address, port)) {
      if (!process.isAlive()) {
        throw new LabStepException(step, description + " exited with status " + process.waitFor(Duration.ZERO)
            .orElse(-1) + ": " + process.stderr().strip());
      }
      if (Instant.now().isAfter(deadline)) {
        process.stop();
        throw new LabStepException(step, description + " is not listening after " + Timeline.seconds(READY_WITHIN)
            + ": " + process.stderr().strip());
      }
      sleep(PROBE_EVERY);
    }
    return new WebServer(netns, address, port, process, description, Instant.now());
  }

  /** A new server like this one (after {@link #stop}), listening when it returns. */
  WebServer restart(Path docroot, Kind kind) {
    return start(netns, address, port, docroot, kind);
  }

  /** Stops it (SIGTERM, as an operator's {@code systemctl stop apache2} does); the exit status. */
  int stop() {
    return process.stop();
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  String description() {
    return description;
  }

  /** When the port first accepted a connection. */
  Instant listeningAt() {
    return listeningAt;
  }

  /**
   * The client addresses in its request log, in order of first appearance: who really sent the
   * checks (python3's http.server and TinyHttpServer both start each line with it).
   */
  Set<String> clients() {
    return process.stderr().lines()
        .filter(l -> l.contains("\"GET "))
        .map(l -> l.substring(0, l.indexOf(' ')))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The last request line of its log, if any. */
  Optional<String> lastRequest() {
    List<String> requests = process.stderr().lines().filter(l -> l.contains("\"GET ")).toList();
    return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
  }

  @Override
  public void close() {
    stop();
  }

  /** A document root whose index.html names the server, so a response shows who answered. */
  static Path docroot(Path dir, String node, InetAddress address) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("index.html"),
          "<html><body><h1>" + node + " " + address.getHostAddress() + "</h1></body></html>\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the document root " + dir, e);
    }
  }

  /** Whether {@code address:port} accepts a TCP connection from inside {@code netns}. */
  private static boolean accepts(Netns netns, InetAddress address, int port) {
    try {
      return NetworkNamespace.named(netns.name()).call(() -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(address, port), (int) PROBE_EVERY.toMillis());
          return true;
        } catch (IOException refusedOrTimedOut) {
          return false;
        }
      });
    } catch (IOException e) {
      throw new LabStepException("probe " + address.getHostAddress() + ":" + port, "cannot enter " + netns.name(), e);
    }
  }

  /** Debian's python3 first (a pyenv shim on PATH may need a shell's environment), then PATH. */
  private static Optional<Path> python3() {
    if (Files.isExecutable(SYSTEM_PYTHON3)) {
      return Optional.of(SYSTEM_PYTHON3);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (Files.isExecutable(p)) {
        return Optional.of(p.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (Path p : ClassPath.ofRunningJvm()) {
      entries.add(p.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabStepException("wait for the HTTP server", "interrupted", e);
    }
  }

  @Override
  public String toString() {
    return description + " on " + address.getHostAddress() + ":" + port + " (pid " + pid() + ")";
  }
}
