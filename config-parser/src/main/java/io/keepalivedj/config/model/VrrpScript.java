package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code vrrp_script NAME { ... }} block: a command run periodically whose exit status tracks
 * an instance or sync group through {@code track_script}.
 *
 * @param name the script's name, what {@code track_script} refers to
 * @param script {@code script}: the command, split into words
 * @param interval {@code interval}: default 1 s; whole seconds in keepalived 2.2.7
 *     (vrrp_parser.c), at least 1 s
 * @param timeout {@code timeout}: a run taking longer fails; empty: the interval (keepalived's
 *     0 means "no separate timeout")
 * @param weight {@code weight}: default 0 (fall failures mean FAULT), in [-253, 253]
 * @param weightReverse {@code weight N reverse}
 * @param rise {@code rise}: successes needed to count as up, default 1
 * @param fall {@code fall}: failures needed to count as down, default 1
 * @param user {@code user USER [GROUP]}; empty: {@code global_defs} {@code script_user}, else
 *     keepalived_script, else root
 * @param initFail {@code init_fail}: start in the failed state instead of up
 * @param position where the block starts
 */
public record VrrpScript(
    String name,
    Script script,
    Duration interval,
    Optional<Duration> timeout,
    int weight,
    boolean weightReverse,
    int rise,
    int fall,
    Optional<ScriptUser> user,
    boolean initFail,
    SourcePosition position) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  public VrrpScript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(position, "position");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty vrrp_script name");
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("interval must be at least 1 s: " + interval);
    }
    timeout.ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + t);
      }
    });
    if (weight < -253 || weight > 253) {
      throw new IllegalArgumentException("weight outside -253..253: " + weight);
    }
    if (rise < 1 || fall < 1) {
      throw new IllegalArgumentException("rise and fall must be >= 1: " + rise + ", " + fall);
    }
  }

  /** The timeout keepalived applies: {@link #timeout} or else the interval. */
  public Duration effectiveTimeout() {
    return timeout.orElse(interval);
  }

  public static Builder builder(String name, Script script) {
    return new Builder(name, script);
  }

  /** Builds a {@link VrrpScript} with keepalived's defaults for what is not set. */
  public static final class Builder {
    private final String name;
    private final Script script;
    private Duration interval = DEFAULT_INTERVAL;
    private Optional<Duration> timeout = Optional.empty();
    private int weight;
    private boolean weightReverse;
    private int rise = 1;
    private int fall = 1;
    private Optional<ScriptUser> user = Optional.empty();
    private boolean initFail;
    private SourcePosition position = SourcePosition.NONE;

    private Builder(String name, Script script) {
      this.name = name;
      this.script = script;
    }

    public Builder interval(Duration v) { this.interval = v; return this; }
    public Builder timeout(Duration v) { this.timeout = Optional.of(v); return this; }
    public Builder weight(int v) { this.weight = v; return this; }
    public Builder weight(int v, boolean reverse) { this.weight = v; this.weightReverse = reverse; return this; }
    public Builder rise(int v) { this.rise = v; return this; }
    public Builder fall(int v) { this.fall = v; return this; }
    public Builder user(ScriptUser v) { this.user = Optional.of(v); return this; }
    public Builder initFail(boolean v) { this.initFail = v; return this; }
    public Builder position(SourcePosition v) { this.position = v; return this; }

    public VrrpScript build() {
      return new VrrpScript(name, script, interval, timeout, weight, weightReverse, rise, fall, user,
          initFail, position);
    }
  }
}
