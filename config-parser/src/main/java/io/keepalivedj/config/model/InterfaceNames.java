package io.keepalivedj.config.model;

/** Interface-name rules shared by the model's records (Linux IFNAMSIZ is 16 with the NUL). */
final class InterfaceNames {
  /** Longest interface name Linux accepts. */
  static final int MAX_LENGTH = 15;

  private InterfaceNames() {}

  static String check(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("interface name must be 1.." + MAX_LENGTH + " characters: '" + name + "'");
    }
    return name;
  }
}
