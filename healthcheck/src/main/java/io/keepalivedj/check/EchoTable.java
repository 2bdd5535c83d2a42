package io.keepalivedj.check;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The echo requests outstanding on one ICMP echo socket, by sequence number, and the rule that
 * ties a reply or an ICMP error to one of them. Pure (no I/O, no clock); thread-safe, as the
 * event loop adds and times out attempts while the receiver thread matches.
 *
 * <p>The kernel already gives the socket only replies to its own identifier (icmp(7)), so what
 * remains is telling this socket's attempts apart: a reply belongs to an attempt when it comes
 * from the attempt's destination, carries its sequence number, and echoes its random 64-bit
 * token as the payload. The token keeps a late reply to a timed-out attempt from passing for a
 * newer one that reuses the sequence number, and a forged reply from passing unless it was seen.
 * Sequence numbers are handed out round-robin from a starting point, skipping those in use, so
 * no two outstanding attempts share one and a freed number is reused only 65536 allocations on.
 *
 * @param <T> the attempt
 */
final class EchoTable<T> {

    /** 16-bit sequence numbers (RFC 792, RFC 4443 §4.1). */
    static final int SEQUENCES = 65536;
    /** The payload: the token, big-endian. */
    static final int PAYLOAD_BYTES = Long.BYTES;

    private record Pending<T>(byte[] destination, long token, T attempt) {
    }

    private final Map<Integer, Pending<T>> pending = new HashMap<>();
    private int next;

    /** {@code firstSequence}: where allocation starts, 0-65535 (random, so restarts differ). */
    EchoTable(int firstSequence) {
        if (firstSequence < 0 || firstSequence >= SEQUENCES) {
            throw new IllegalArgumentException("sequence out of 0..65535: " + firstSequence);
        }
        this.next = firstSequence;
    }

    /** The echo payload that carries {@code token}. */
    static ByteBuffer payload(long token) {
        return ByteBuffer.allocate(PAYLOAD_BYTES).putLong(0, token);
    }

    /**
     * Records {@code attempt} as waiting for a reply from {@code destination} echoing
     * {@code token}; returns its sequence number, or empty when all 65536 are outstanding.
     */
    synchronized OptionalInt add(InetAddress destination, long token, T attempt) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(attempt, "attempt");
        if (pending.size() == SEQUENCES) {
            return OptionalInt.empty();
        }
        while (pending.containsKey(next)) {
            next = (next + 1) % SEQUENCES;
        }
        int sequence = next;
        next = (next + 1) % SEQUENCES;
        pending.put(sequence, new Pending<>(destination.getAddress(), token, attempt));
        return OptionalInt.of(sequence);
    }

    /**
     * The attempt an echo reply from {@code source} with {@code sequence} and {@code payload}
     * answers, removed from the table; empty when none does (late, foreign or forged).
     */
    synchronized Optional<T> matchReply(InetAddress source, int sequence, ByteBuffer payload) {
        Pending<T> p = pending.get(sequence);
        if (p == null || !Arrays.equals(p.destination, source.getAddress())
                || payload.remaining() != PAYLOAD_BYTES || payload.getLong(payload.position()) != p.token) {
            return Optional.empty();
        }
        pending.remove(sequence);
        return Optional.of(p.attempt);
    }

    /**
     * The attempt an ICMP error about our request to {@code destination} with {@code sequence}
     * concerns, removed; the quoted payload must start with the token as far as it goes (a quote
     * may stop short: RFC 792 only promises the first 8 bytes of the ICMP message).
     */
    synchronized Optional<T> matchError(InetAddress destination, int sequence, ByteBuffer quotedPayload) {
        Pending<T> p = pending.get(sequence);
        if (p == null || !Arrays.equals(p.destination, destination.getAddress())) {
            return Optional.empty();
        }
        byte[] token = payload(p.token).array();
        int n = Math.min(token.length, quotedPayload.remaining());
        for (int i = 0; i < n; i++) {
            if (quotedPayload.get(quotedPayload.position() + i) != token[i]) {
                return Optional.empty();
            }
        }
        pending.remove(sequence);
        return Optional.of(p.attempt);
    }

    /** Removes {@code attempt} (timed out, cancelled, send failed); false if already matched. */
    synchronized boolean remove(int sequence, T attempt) {
        Pending<T> p = pending.get(sequence);
        if (p == null || p.attempt != attempt) {
            return false;
        }
        pending.remove(sequence);
        return true;
    }

    synchronized int size() {
        return pending.size();
    }
}
