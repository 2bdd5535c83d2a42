package io.keepalivedj.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The short host name, keepalived's default config-id. */
final class HostName {
  private HostName() {}

  static String shortName() {
    String name = null;
    try {
      // The kernel's UTS name is what gethostname(2) returns; no resolver is involved.
      name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException | UnsupportedOperationException e) {
      name = System.getenv("HOSTNAME");
    }
    if (name == null || name.isEmpty()) {
      return "localhost";
    }
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
