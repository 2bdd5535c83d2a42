package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code MISC_CHECK { ... }}: run a script; exit 0 is up.
 *
 * @param miscPath {@code misc_path}: the command; required (keepalived drops the checker
 *     without it)
 * @param miscTimeout {@code misc_timeout}: whole seconds, 0..4294, before the script is killed;
 *     default (and 0) the virtual server's {@code delay_loop}
 * @param miscDynamic {@code misc_dynamic}: exit 0 is up, 1 is down, 2..255 is up with weight
 *     {@code exit - 2}; default false
 * @param user {@code user USER [GROUP]}: who runs the script; default global_defs
 *     {@code script_user}
 * @param group the group of {@code user USER GROUP}; default the user's group
 * @param common timing options only ({@code retry} .. {@code log_all_failures}; no connection
 *     options); {@code retry} defaults to 0 here
 * @param position where the keyword is
 */
public record MiscChecker(
    Script miscPath,
    Optional<Duration> miscTimeout,
    boolean miscDynamic,
    Optional<String> user,
    Optional<String> group,
    CheckerCommon common,
    SourcePosition position) implements CheckerConfig {

  /** {@code UINT_MAX / TIMER_HZ}, keepalived 2.2.7 check_misc.c. */
  public static final long MISC_TIMEOUT_MAX_SECONDS = 4294;

  public MiscChecker {
    Objects.requireNonNull(miscPath, "miscPath");
    Objects.requireNonNull(miscTimeout, "miscTimeout");
    miscTimeout.ifPresent(t -> {
      if (t.isNegative() || t.getNano() != 0 || t.getSeconds() > MISC_TIMEOUT_MAX_SECONDS) {
        throw new IllegalArgumentException("misc_timeout must be whole seconds in 0..4294: " + t);
      }
    });
    LvsChecks.text("user", user);
    LvsChecks.text("group", group);
    if (group.isPresent() && user.isEmpty()) {
      throw new IllegalArgumentException("a group without a user");
    }
    Objects.requireNonNull(common, "common");
    if (common.hasConnectionOptions()) {
      throw new IllegalArgumentException("MISC_CHECK takes no connection options: " + common);
    }
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "MISC_CHECK";
  }

  @Override
  public long defaultRetry() {
    return 0;
  }
}
