package io.keepalivedj.check;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * UDP_CHECK over {@link NioEventLoop}; the rules are keepalived.conf(5)'s, quoted on
 * {@link UdpCheck}:
 * <ul>
 *   <li>an ICMP port unreachable (ECONNREFUSED on the connected socket) fails at once;</li>
 *   <li>without require_reply, the attempt passes at the first reply or, with none, when
 *       connect_timeout passes without an ICMP error;</li>
 *   <li>with require_reply, the first reply decides: its length must lie in
 *       [min_reply_length, max_reply_length] and its bytes match the pattern; no reply
 *       within connect_timeout fails.</li>
 * </ul>
 */
public final class UdpChecker {

    /** Length of the random payload sent when none is configured (our choice). */
    static final int RANDOM_PAYLOAD_LENGTH = 16;

    private final NioEventLoop loop;
    private final RandomGenerator random;

    public UdpChecker(NioEventLoop loop, RandomGenerator random) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(UdpCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        DatagramAttempt attempt = new DatagramAttempt(loop, spec.target(), spec.options().connectTimeout()) {
            @Override
            protected byte[] request() {
                return spec.payloadBytes().orElseGet(() -> {
                    byte[] b = new byte[RANDOM_PAYLOAD_LENGTH];
                    random.nextBytes(b);
                    return b;
                });
            }

            @Override
            protected Optional<AttemptOutcome> onReply(ByteBuffer reply) {
                return Optional.of(judge(spec, reply, elapsed()));
            }

            @Override
            protected AttemptOutcome onSilence() {
                return spec.requireReply()
                        ? failure(new FailureReason.NoReply(timeout))
                        : AttemptOutcome.Success.of(elapsed());
            }

            @Override
            protected void complete(AttemptOutcome outcome) {
                done.accept(outcome);
            }
        };
        loop.execute(attempt::start);
        return attempt;
    }

    /** The verdict on one reply. */
    static AttemptOutcome judge(UdpCheck spec, ByteBuffer reply, Duration latency) {
        if (!spec.requireReply()) {
            return AttemptOutcome.Success.of(latency);
        }
        int n = reply.remaining();
        if (n < spec.minReplyLength() || n > spec.maxReplyLength()) {
            return new AttemptOutcome.Failure(new FailureReason.ReplyMismatch("length " + n + " not in "
                    + spec.minReplyLength() + "-" + spec.maxReplyLength()), latency);
        }
        byte[] bytes = new byte[n];
        reply.get(bytes);
        if (spec.replyPattern().isPresent() && !UdpCheck.matches(spec.replyPattern().get(), bytes)) {
            String got = HexFormat.of().formatHex(bytes, 0, Math.min(n, spec.replyPattern().get().length() / 2));
            return new AttemptOutcome.Failure(new FailureReason.ReplyMismatch("got " + got + " want "
                    + spec.replyPattern().get()), latency);
        }
        return AttemptOutcome.Success.of(latency);
    }
}
