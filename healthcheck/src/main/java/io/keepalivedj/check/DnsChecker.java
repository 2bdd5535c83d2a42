package io.keepalivedj.check;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * DNS_CHECK over {@link NioEventLoop}: one query ({@code type}, {@code name}, class IN,
 * recursion desired) with a random ID over UDP. keepalived.conf(5) states no rule beyond "Uses
 * UDP protocol"; ours, from {@link DnsMessages#judge}: the attempt passes on a response with
 * our ID, RCODE NOERROR and our question echoed; datagrams with another ID are ignored; an
 * error RCODE fails with {@link FailureReason.DnsRcode}; silence for connect_timeout fails
 * with {@link FailureReason.NoReply}; ICMP port unreachable with connection refused.
 */
public final class DnsChecker {

    private final NioEventLoop loop;
    private final RandomGenerator random;

    public DnsChecker(NioEventLoop loop, RandomGenerator random) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(DnsCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        byte[] query = DnsMessages.query(random.nextInt(0x10000), spec.name(), spec.queryType());
        DatagramAttempt attempt = new DatagramAttempt(loop, spec.target(), spec.options().connectTimeout()) {
            @Override
            protected byte[] request() {
                return query;
            }

            @Override
            protected Optional<AttemptOutcome> onReply(ByteBuffer reply) {
                DnsMessages.Reply r = DnsMessages.judge(query, reply);
                if (r instanceof DnsMessages.Answered) {
                    return Optional.of(AttemptOutcome.Success.of(elapsed()));
                } else if (r instanceof DnsMessages.OtherId) {
                    return Optional.empty();
                } else if (r instanceof DnsMessages.Rejected rejected) {
                    return Optional.of(failure(rejected.reason()));
                } else {
                    throw new AssertionError(r);
                }
            }

            @Override
            protected AttemptOutcome onSilence() {
                return failure(new FailureReason.NoReply(timeout));
            }

            @Override
            protected void complete(AttemptOutcome outcome) {
                done.accept(outcome);
            }
        };
        loop.execute(attempt::start);
        return attempt;
    }
}
