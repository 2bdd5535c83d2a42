package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sequence allocation and reply/error matching of PING_CHECK's per-socket table. */
class EchoTableTest {

    static final InetAddress A = address("198.51.100.2");
    static final InetAddress B = address("198.51.100.3");
    static final InetAddress V6 = address("2001:db8:1::2");

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ByteBuffer token(long value) {
        return EchoTable.payload(value);
    }

    @Test
    void sequencesRoundRobinAndSkipThoseInUse() {
        EchoTable<String> table = new EchoTable<>(65534);
        assertThat(table.add(A, 1, "a").getAsInt()).isEqualTo(65534);
        assertThat(table.add(A, 2, "b").getAsInt()).isEqualTo(65535);
        // Wraps to 0 after 65535.
        assertThat(table.add(A, 3, "c").getAsInt()).isEqualTo(0);
        // A freed number is not handed out again until the counter comes round.
        assertThat(table.remove(65535, "b")).isTrue();
        assertThat(table.add(A, 4, "d").getAsInt()).isEqualTo(1);
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void outstandingAttemptsNeverShareASequenceNumber() {
        EchoTable<Object> table = new EchoTable<>(0);
        Object[] attempts = new Object[EchoTable.SEQUENCES];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < EchoTable.SEQUENCES; i++) {
            attempts[i] = new Object();
            assertThat(seen.add(table.add(A, i, attempts[i]).getAsInt())).isTrue();
        }
        assertThat(table.add(A, -1, new Object())).isEqualTo(OptionalInt.empty());
        // Free one in the middle: the next allocation finds exactly it, past all the busy ones.
        assertThat(table.remove(40_000, attempts[40_000])).isTrue();
        assertThat(table.add(B, 7, new Object())).isEqualTo(OptionalInt.of(40_000));
    }

    @Test
    void aReplyMatchesOnlyWithSourceSequenceAndToken() {
        EchoTable<String> table = new EchoTable<>(10);
        int seq = table.add(A, 0x1122334455667788L, "a").getAsInt();
        assertThat(table.matchReply(B, seq, token(0x1122334455667788L))).isEmpty();
        assertThat(table.matchReply(A, seq + 1, token(0x1122334455667788L))).isEmpty();
        assertThat(table.matchReply(A, seq, token(0x1122334455667789L))).isEmpty();
        assertThat(table.matchReply(A, seq, ByteBuffer.allocate(9).putLong(0, 0x1122334455667788L))).isEmpty();
        assertThat(table.matchReply(A, seq, token(0x1122334455667788L))).contains("a");
        // Matched once: a duplicate reply finds nothing.
        assertThat(table.matchReply(A, seq, token(0x1122334455667788L))).isEmpty();
        assertThat(table.size()).isZero();
    }

    @Test
    void aLateReplyCannotPassForTheAttemptThatReusedItsSequence() {
        EchoTable<String> table = new EchoTable<>(5);
        int seq = table.add(A, 111, "old").getAsInt();
        assertThat(table.remove(seq, "old")).isTrue(); // timed out
        // Force reuse of the same number by a new attempt to the same target.
        EchoTable<String> reused = new EchoTable<>(seq);
        assertThat(reused.add(A, 222, "new").getAsInt()).isEqualTo(seq);
        assertThat(reused.matchReply(A, seq, token(111))).isEmpty();
        assertThat(reused.matchReply(A, seq, token(222))).contains("new");
    }

    @Test
    void anIpv6ReplyWithAScopeMatchesTheUnscopedDestination() throws Exception {
        EchoTable<String> table = new EchoTable<>(0);
        InetAddress linkLocal = InetAddress.getByName("fe80::2");
        int seq = table.add(linkLocal, 9, "ll").getAsInt();
        // recvfrom fills sin6_scope_id: the bytes are what identify the peer.
        InetAddress scoped = java.net.Inet6Address.getByAddress(null, linkLocal.getAddress(), 3);
        assertThat(table.matchReply(scoped, seq, token(9))).contains("ll");
        int seq6 = table.add(V6, 10, "v6").getAsInt();
        assertThat(table.matchReply(A, seq6, token(10))).isEmpty();
    }

    @Test
    void errorsMatchOnTheQuotedTokenAsFarAsItGoes() {
        EchoTable<String> table = new EchoTable<>(0);
        int seq = table.add(A, 0x0102030405060708L, "a").getAsInt();
        assertThat(table.matchError(A, seq, ByteBuffer.wrap(new byte[] {1, 2, 9}))).isEmpty();
        assertThat(table.matchError(B, seq, ByteBuffer.wrap(new byte[] {1, 2, 3}))).isEmpty();
        assertThat(table.matchError(A, seq, ByteBuffer.wrap(new byte[] {1, 2, 3}))).contains("a");
        int again = table.add(A, 5, "b").getAsInt();
        // A quote cut right after the header still names the attempt by destination and sequence.
        assertThat(table.matchError(A, again, ByteBuffer.allocate(0))).contains("b");
    }

    @Test
    void removeOnlyRemovesTheSameAttempt() {
        EchoTable<String> table = new EchoTable<>(0);
        int seq = table.add(A, 1, "a").getAsInt();
        assertThat(table.remove(seq, "other")).isFalse();
        assertThat(table.remove(seq, "a")).isTrue();
        assertThat(table.remove(seq, "a")).isFalse();
        assertThatThrownBy(() -> new EchoTable<String>(65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
