package io.keepalivedj.linux;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace reachable through a file (a bind mount under /var/run/netns, as made by
 * {@code ip netns add}, or /proc/PID/ns/net). setns(2) moves only the calling thread, so
 * {@link #call} runs the task on a fresh platform thread that entered the namespace and dies
 * afterwards; sockets opened there stay in the namespace for their whole life (netlink and IP
 * sockets are bound to the namespace at creation). Never a virtual thread: its carrier would
 * carry the namespace to unrelated tasks.
 */
public final class NetworkNamespace {
  /** Where iproute2 mounts named namespaces (ip-netns(8)). */
  public static final Path NETNS_RUN_DIR = Path.of("/var/run/netns");

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String name;
  private final Path path;

  private NetworkNamespace(String name, Path path) {
    this.name = name;
    this.path = path;
  }

  /** The namespace {@code ip netns add NAME} created. */
  public static NetworkNamespace named(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a namespace name: '" + name + "'");
    }
    return new NetworkNamespace(name, NETNS_RUN_DIR.resolve(name));
  }

  /** The namespace a file refers to, e.g. {@code /proc/1234/ns/net}. */
  public static NetworkNamespace ofPath(Path path) {
    return new NetworkNamespace(path.toString(), Objects.requireNonNull(path, "path"));
  }

  public String name() {
    return name;
  }

  public Path path() {
    return path;
  }

  /** Work to run inside the namespace. */
  @FunctionalInterface
  public interface Task<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code task} on a new platform thread inside this namespace and returns its result.
   * Its exceptions reach the caller unchanged; a missing namespace gives a LinuxException from
   * open (ENOENT) or setns. If the caller is interrupted while waiting, the worker is
   * interrupted too and an InterruptedIOException is thrown.
   */
  public <T> T call(Task<T> task) throws IOException {
    Objects.requireNonNull(task, "task");
    Object[] outcome = new Object[2];
    Thread worker = new Thread(() -> {
      try {
        enter();
        outcome[0] = task.run();
      } catch (Throwable t) {
        outcome[1] = t;
      }
    }, "netns-" + name + "-" + THREADS.incrementAndGet());
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted waiting for a task in netns " + name);
      interrupted.initCause(e);
      throw interrupted;
    }
    Throwable failure = (Throwable) outcome[1];
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new AssertionError(failure);
    }
    @SuppressWarnings("unchecked")
    T result = (T) outcome[0];
    return result;
  }

  private void enter() throws LinuxException {
    int fd = Syscalls.open(path.toString(), FileUapi.O_RDONLY | FileUapi.O_CLOEXEC);
    try {
      Syscalls.setns(fd, FileUapi.CLONE_NEWNET, "CLONE_NEWNET " + path);
    } finally {
      Syscalls.close(fd);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkNamespace other && path.equals(other.path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return "netns " + name;
  }
}
