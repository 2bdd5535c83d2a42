package io.keepalivedj.check;

import java.util.Objects;

/**
 * PING_CHECK of keepalived.conf(5): one ICMP (v4) or ICMPv6 echo request to the real server
 * (or connect_ip); passes when the echo reply arrives within connect_timeout. "No additional
 * options". {@link PingChecker} sends it on an unprivileged ICMP echo socket; connect_port and
 * bind_port mean nothing to ICMP and are not used.
 */
public record PingCheck(CheckTarget target, CheckOptions options) implements CheckSpec {

    public PingCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
    }

    public static PingCheck of(CheckTarget target) {
        return new PingCheck(target, CheckOptions.defaults(CheckType.PING_CHECK));
    }

    @Override
    public CheckType type() {
        return CheckType.PING_CHECK;
    }
}
