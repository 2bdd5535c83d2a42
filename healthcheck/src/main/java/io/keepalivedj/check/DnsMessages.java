package io.keepalivedj.check;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * DNS_CHECK's query and the verdict on a reply (RFC 1035 §4.1). No state, clock or I/O.
 * <pre>
 * header  ID:16 | QR:1 OPCODE:4 AA:1 TC:1 RD:1 | RA:1 Z:3 RCODE:4 | QDCOUNT:16 ANCOUNT:16 NSCOUNT:16 ARCOUNT:16
 * question QNAME (length-prefixed labels, 0) | QTYPE:16 | QCLASS:16 (IN = 1)
 * </pre>
 */
final class DnsMessages {

    static final int HEADER_LENGTH = 12;
    private static final int FLAG_RD = 0x0100;
    private static final int CLASS_IN = 1;

    /** What a datagram on the query's socket turned out to be. */
    sealed interface Reply permits Answered, OtherId, Rejected {
    }

    /** The answer to our query, RCODE NOERROR. */
    record Answered() implements Reply {
    }

    /** Not ours (another ID): keep waiting, as a late answer to an earlier query may arrive. */
    record OtherId(int id) implements Reply {
    }

    /** Our ID, but the check fails for {@code reason}. */
    record Rejected(FailureReason reason) implements Reply {
        Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private DnsMessages() {
    }

    /** A standard query, recursion desired, one question of {@code type} IN for {@code name}. */
    static byte[] query(int id, String name, DnsQueryType type) {
        if (id < 0 || id > 0xffff) {
            throw new IllegalArgumentException("DNS id must be 0-65535: " + id);
        }
        byte[] qname = encodeName(name);
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + qname.length + 4);
        b.putShort((short) id).putShort((short) FLAG_RD).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        b.put(qname).putShort((short) type.code()).putShort((short) CLASS_IN);
        return b.array();
    }

    /**
     * QNAME of {@code name}: "." (the root) is one zero byte; a trailing dot is optional.
     *
     * @throws IllegalArgumentException for an empty label, a label over 63 bytes or a name over
     *                                  255 bytes (RFC 1035 §2.3.4)
     */
    static byte[] encodeName(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] l = label.getBytes(StandardCharsets.US_ASCII);
                if (l.length == 0 || l.length > 63 || !StandardCharsets.US_ASCII.newEncoder().canEncode(label)) {
                    throw new IllegalArgumentException("bad DNS name '" + name + "': labels must be 1-63 ASCII bytes");
                }
                out.write(l.length);
                out.writeBytes(l);
            }
        }
        out.write(0);
        if (out.size() > 255) {
            throw new IllegalArgumentException("DNS name longer than 255 bytes: " + name);
        }
        return out.toByteArray();
    }

    /**
     * The verdict on {@code reply} to {@code query}: our ID, QR set, RCODE NOERROR, and the
     * question echoed (names compared case-insensitively, RFC 4343). Answer records are not
     * required: an authoritative "no data" is still a working server.
     */
    static Reply judge(byte[] query, ByteBuffer reply) {
        int queryId = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
        if (reply.remaining() < 2) {
            return new Rejected(new FailureReason.MalformedResponse("DNS reply of " + reply.remaining() + " bytes"));
        }
        int id = reply.getShort(reply.position()) & 0xffff;
        if (id != queryId) {
            return new OtherId(id);
        }
        if (reply.remaining() < HEADER_LENGTH) {
            return new Rejected(new FailureReason.MalformedResponse("DNS reply of " + reply.remaining() + " bytes"));
        }
        int flags = reply.getShort(reply.position() + 2) & 0xffff;
        if ((flags & 0x8000) == 0) {
            return new Rejected(new FailureReason.MalformedResponse("DNS message is a query, not a response"));
        }
        int rcode = flags & 0xf;
        if (rcode != 0) {
            return new Rejected(new FailureReason.DnsRcode(rcode));
        }
        int qdcount = reply.getShort(reply.position() + 4) & 0xffff;
        int questionLength = query.length - HEADER_LENGTH;
        if (qdcount != 1 || reply.remaining() < HEADER_LENGTH + questionLength) {
            return new Rejected(new FailureReason.MalformedResponse("DNS reply does not echo the question"));
        }
        byte[] echoed = new byte[questionLength];
        reply.get(reply.position() + HEADER_LENGTH, echoed);
        byte[] asked = Arrays.copyOfRange(query, HEADER_LENGTH, query.length);
        if (!equalsIgnoreAsciiCase(asked, echoed)) {
            return new Rejected(new FailureReason.MalformedResponse("DNS reply is for another question"));
        }
        return new Answered();
    }

    private static boolean equalsIgnoreAsciiCase(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            if (lower(a[i]) != lower(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
