package io.keepalivedj.check;

import java.time.Duration;
import java.util.Objects;

/**
 * The options keepalived.conf(5) lists as common to all checkers, already resolved: the
 * virtual_server → real_server → checker inheritance is the caller's job (the facade), so
 * every field here is the effective value for one checker.
 *
 * @param connectTimeout   {@code connect_timeout}: deadline for the connect and, for HTTP, for
 *                         each read. keepalived.conf(5): "The default is 5 seconds".
 * @param retry            {@code retry}: extra attempts after a failure before an UP target is
 *                         declared DOWN, so DOWN needs retry+1 consecutive failures. Default
 *                         {@link CheckType#defaultRetry()} (1; DNS_CHECK 3; MISC_CHECK 0).
 * @param delayBeforeRetry {@code delay_before_retry}: gap between those attempts. Default
 *                         {@link CheckType#defaultDelayBeforeRetry(Duration)} (3 s for HTTP_GET
 *                         and SSL_GET, delay_loop for DNS_CHECK, 1 s otherwise).
 * @param delayLoop        {@code delay_loop}: gap between a completed check and the next.
 *                         keepalived.conf(5): "60 seconds if not specified".
 * @param warmup           {@code warmup}: the first check waits a random time in [0, warmup].
 *                         keepalived.conf(5): "Enabled by default, with the maximum at
 *                         delay_loop. Specify 0 to disable".
 * @param alpha            {@code alpha}: start the target DOWN ("On daemon startup assume that
 *                         all RSs are down"); default off, so targets start UP.
 * @param logAllFailures   {@code log_all_failures}: log every failed attempt, not only the
 *                         ones that change state; default off.
 */
public record CheckOptions(
        Duration connectTimeout,
        int retry,
        Duration delayBeforeRetry,
        Duration delayLoop,
        Duration warmup,
        boolean alpha,
        boolean logAllFailures) {

    /** keepalived.conf(5): connect_timeout "The default is 5 seconds". */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** keepalived.conf(5): delay_loop "60 seconds if not specified". */
    public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);

    public CheckOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(delayLoop, "delayLoop");
        Objects.requireNonNull(warmup, "warmup");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect_timeout must be > 0: " + connectTimeout);
        }
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be >= 0: " + retry);
        }
        if (delayBeforeRetry.isNegative()) {
            throw new IllegalArgumentException("delay_before_retry must be >= 0: " + delayBeforeRetry);
        }
        if (delayLoop.isNegative() || delayLoop.isZero()) {
            throw new IllegalArgumentException("delay_loop must be > 0: " + delayLoop);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0: " + warmup);
        }
    }

    /** keepalived's defaults for {@code type}; see the component docs. */
    public static CheckOptions defaults(CheckType type) {
        return builder(type).build();
    }

    public static Builder builder(CheckType type) {
        return new Builder(type);
    }

    public CheckOptions withRetry(int value) {
        return new CheckOptions(connectTimeout, value, delayBeforeRetry, delayLoop, warmup, alpha, logAllFailures);
    }

    public CheckOptions withDelayBeforeRetry(Duration value) {
        return new CheckOptions(connectTimeout, retry, value, delayLoop, warmup, alpha, logAllFailures);
    }

    public CheckOptions withDelayLoop(Duration value) {
        return new CheckOptions(connectTimeout, retry, delayBeforeRetry, value, warmup, alpha, logAllFailures);
    }

    public CheckOptions withWarmup(Duration value) {
        return new CheckOptions(connectTimeout, retry, delayBeforeRetry, delayLoop, value, alpha, logAllFailures);
    }

    public CheckOptions withConnectTimeout(Duration value) {
        return new CheckOptions(value, retry, delayBeforeRetry, delayLoop, warmup, alpha, logAllFailures);
    }

    public CheckOptions withAlpha(boolean value) {
        return new CheckOptions(connectTimeout, retry, delayBeforeRetry, delayLoop, warmup, value, logAllFailures);
    }

    /**
     * Collects the options a config sets; {@link #build()} fills the rest with keepalived's
     * defaults for the checker type, after delay_loop is known (warmup and, for DNS_CHECK,
     * delay_before_retry default to it).
     */
    public static final class Builder {
        private final CheckType type;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Integer retry;
        private Duration delayBeforeRetry;
        private Duration delayLoop = DEFAULT_DELAY_LOOP;
        private Duration warmup;
        private boolean alpha;
        private boolean logAllFailures;

        private Builder(CheckType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }
        public Builder retry(int value) { retry = value; return this; }
        public Builder delayBeforeRetry(Duration value) { delayBeforeRetry = value; return this; }
        public Builder delayLoop(Duration value) { delayLoop = value; return this; }
        public Builder warmup(Duration value) { warmup = value; return this; }
        public Builder alpha(boolean value) { alpha = value; return this; }
        public Builder logAllFailures(boolean value) { logAllFailures = value; return this; }

        public CheckOptions build() {
            Objects.requireNonNull(delayLoop, "delayLoop");
            return new CheckOptions(
                    connectTimeout,
                    retry != null ? retry : type.defaultRetry(),
                    delayBeforeRetry != null ? delayBeforeRetry : type.defaultDelayBeforeRetry(delayLoop),
                    delayLoop,
                    warmup != null ? warmup : delayLoop,
                    alpha,
                    logAllFailures);
        }
    }
}
