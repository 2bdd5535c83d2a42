package io.keepalivedj.config.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The user (and optionally group) a script runs as: {@code script_user USER [GROUP]} in
 * {@code global_defs}, {@code user USER [GROUP]} in a {@code vrrp_script}. Without a group the
 * user's primary group is used.
 */
public record ScriptUser(String user, Optional<String> group) {
  public ScriptUser {
    Objects.requireNonNull(user, "user");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("empty user name");
    }
    Objects.requireNonNull(group, "group");
  }

  public static ScriptUser of(String user) {
    return new ScriptUser(user, Optional.empty());
  }
}
