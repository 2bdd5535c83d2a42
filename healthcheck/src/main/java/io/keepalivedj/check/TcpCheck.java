package io.keepalivedj.check;

import java.util.Objects;

/** TCP_CHECK: "No additional options" (keepalived.conf(5)); passes when the connect succeeds. */
public record TcpCheck(CheckTarget target, CheckOptions options) implements CheckSpec {

    public TcpCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (target.connectAddress().getPort() == 0) {
            throw new IllegalArgumentException("TCP_CHECK needs a real server port or connect_port: " + target);
        }
    }

    @Override
    public CheckType type() {
        return CheckType.TCP_CHECK;
    }
}
