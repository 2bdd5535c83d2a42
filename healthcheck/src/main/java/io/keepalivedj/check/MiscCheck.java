package io.keepalivedj.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MISC_CHECK of keepalived.conf(5): run a program; exit 0 passes, anything else fails, except
 * with {@code misc_dynamic} where "exit status 2-255: svc check success" and the weight
 * becomes exit status − 2.
 *
 * @param argv        {@code misc_path} split into words (no shell: keepalived execs it)
 * @param miscTimeout {@code misc_timeout}; unset means the delay_loop (keepalived 2.2.7 uses
 *                    the virtual server's delay_loop when misc_timeout is 0)
 * @param dynamic     {@code misc_dynamic}
 * @param user        {@code user USERNAME}: run as this user (needs root); default: our user
 * @param group       {@code user USERNAME GROUPNAME}: "If GROUPNAME is not specified, the
 *                    group of the user is used"
 */
public record MiscCheck(
        CheckTarget target,
        CheckOptions options,
        List<String> argv,
        Optional<Duration> miscTimeout,
        boolean dynamic,
        Optional<String> user,
        Optional<String> group) implements CheckSpec {

    public MiscCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(miscTimeout, "miscTimeout");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("misc_path needs a program");
        }
        miscTimeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("misc_timeout must be > 0: " + t);
            }
        });
        if (group.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("a group needs a user");
        }
    }

    /** MISC_CHECK with keepalived's defaults (retry 0, timeout = delay_loop). */
    public static MiscCheck of(CheckTarget target, List<String> argv) {
        return new MiscCheck(target, CheckOptions.defaults(CheckType.MISC_CHECK), argv,
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public MiscCheck withTimeout(Duration value) {
        return new MiscCheck(target, options, argv, Optional.of(value), dynamic, user, group);
    }

    public MiscCheck withDynamic(boolean value) {
        return new MiscCheck(target, options, argv, miscTimeout, value, user, group);
    }

    /** The effective script deadline: misc_timeout, else delay_loop. */
    public Duration effectiveTimeout() {
        return miscTimeout.orElse(options.delayLoop());
    }

    @Override
    public CheckType type() {
        return CheckType.MISC_CHECK;
    }
}
