package io.keepalivedj.check;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * TCP_CHECK: passes when the TCP handshake completes within connect_timeout; the connection is
 * closed at once (keepalived.conf(5): "No additional options").
 */
public final class TcpChecker {

    private final NioEventLoop loop;

    public TcpChecker(NioEventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(TcpCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        SocketAttempt attempt = new SocketAttempt(loop, spec.target().connectAddress(),
                spec.target().bindSocketAddress(), spec.options().connectTimeout()) {
            @Override
            protected void onConnected() {
                succeed(AttemptOutcome.Success.of(elapsed()));
            }

            @Override
            protected void complete(AttemptOutcome outcome) {
                done.accept(outcome);
            }
        };
        attempt.socketOptions(ProbeSocketOptions.of(spec.target()));
        loop.execute(attempt::start);
        return attempt;
    }
}
