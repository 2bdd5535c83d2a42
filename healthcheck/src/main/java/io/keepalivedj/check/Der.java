package io.keepalivedj.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The little DER (ITU-T X.690 §10) the client-certificate loader needs: read the PKCS#8, SEC1 and
 * PBES2 structures of a private key file, and write the PKCS#8 wrapper around a PKCS#1 or SEC1
 * key. Definite lengths only (DER has no others); every read checks the length first.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    /** {@code [n]} constructed context-specific, as in SEC1's {@code [0] parameters}. */
    static final int CONTEXT_0 = 0xA0;

    private Der() {
    }

    /** Reads one DER element after another from {@code [offset, end)} of a byte array. */
    static final class Reader {
        private final byte[] der;
        private int pos;
        private final int end;

        Reader(byte[] der) {
            this(der, 0, der.length);
        }

        private Reader(byte[] der, int pos, int end) {
            this.der = der;
            this.pos = pos;
            this.end = end;
        }

        boolean hasMore() {
            return pos < end;
        }

        /** The tag of the next element, -1 at the end. */
        int peekTag() {
            return pos < end ? der[pos] & 0xFF : -1;
        }

        /** The content of the next element, which must have tag {@code tag}, as a reader. */
        Reader read(int tag) throws IOException {
            int[] span = next(tag);
            return new Reader(der, span[0], span[1]);
        }

        Reader sequence() throws IOException {
            return read(SEQUENCE);
        }

        byte[] octetString() throws IOException {
            int[] span = next(OCTET_STRING);
            return Arrays.copyOfRange(der, span[0], span[1]);
        }

        BigInteger integer() throws IOException {
            int[] span = next(INTEGER);
            if (span[0] == span[1]) {
                throw new IOException("malformed DER: empty INTEGER");
            }
            return new BigInteger(Arrays.copyOfRange(der, span[0], span[1]));
        }

        /** An OBJECT IDENTIFIER in dotted form, e.g. {@code 1.2.840.113549.1.1.1}. */
        String oid() throws IOException {
            int[] span = next(OID);
            if (span[0] == span[1]) {
                throw new IOException("malformed DER: empty OBJECT IDENTIFIER");
            }
            StringBuilder s = new StringBuilder();
            long arc = 0;
            boolean first = true;
            for (int i = span[0]; i < span[1]; i++) {
                if (arc > (Long.MAX_VALUE >>> 7)) {
                    throw new IOException("malformed DER: OBJECT IDENTIFIER arc too large");
                }
                arc = (arc << 7) | (der[i] & 0x7F);
                if ((der[i] & 0x80) != 0) {
                    if (i == span[1] - 1) {
                        throw new IOException("malformed DER: OBJECT IDENTIFIER ends inside an arc");
                    }
                    continue;
                }
                if (first) {
                    // X.690 §8.19.4: the first subidentifier packs two arcs, 40 * X + Y.
                    long x = Math.min(arc / 40, 2);
                    s.append(x).append('.').append(arc - 40 * x);
                    first = false;
                } else {
                    s.append('.').append(arc);
                }
                arc = 0;
            }
            return s.toString();
        }

        /** The whole next element (tag, length and content), whatever its tag. */
        byte[] element() throws IOException {
            int start = pos;
            int[] span = next(peekTag());
            return Arrays.copyOfRange(der, start, span[1]);
        }

        /** Skips the next element, whatever its tag. */
        void skip() throws IOException {
            next(peekTag());
        }

        /** Fails unless every byte has been read: trailing bytes mean a different structure. */
        void end() throws IOException {
            if (pos != end) {
                throw new IOException("malformed DER: " + (end - pos) + " unexpected trailing bytes");
            }
        }

        /** Consumes the next element's tag and length; returns its content's {start, end}. */
        private int[] next(int tag) throws IOException {
            if (pos >= end) {
                throw new IOException("malformed DER: ends where tag 0x" + Integer.toHexString(tag) + " was expected");
            }
            int actual = der[pos] & 0xFF;
            if (actual != tag) {
                throw new IOException("malformed DER: tag 0x" + Integer.toHexString(actual) + " where 0x"
                        + Integer.toHexString(tag) + " was expected");
            }
            if ((actual & 0x1F) == 0x1F) {
                throw new IOException("malformed DER: multi-byte tags are not used in key files");
            }
            int p = pos + 1;
            if (p >= end) {
                throw new IOException("malformed DER: no length");
            }
            int first = der[p++] & 0xFF;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7F;
                if (n == 0 || n > 4) {
                    throw new IOException("malformed DER: length of " + n + " bytes");
                }
                if (end - p < n) {
                    throw new IOException("malformed DER: length cut short");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (der[p++] & 0xFF);
                }
            }
            if (length > end - p) {
                throw new IOException("malformed DER: element of " + length + " bytes, only " + (end - p) + " left");
            }
            pos = p + (int) length;
            return new int[] {p, pos};
        }
    }

    /** One element: {@code tag}, the DER length of the parts together, then the parts. */
    static byte[] element(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            // X.690 §10.1: the long form with the fewest length octets.
            int n = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return element(SEQUENCE, parts);
    }

    static byte[] integer(long value) {
        return element(INTEGER, BigInteger.valueOf(value).toByteArray());
    }

    static byte[] octetString(byte[] content) {
        return element(OCTET_STRING, content);
    }

    static byte[] nullValue() {
        return element(NULL);
    }

    /** An OBJECT IDENTIFIER from its dotted form (X.690 §8.19). */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("an OID has at least two arcs: " + dotted);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        base128(content, 40 * Long.parseLong(arcs[0]) + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(content, Long.parseLong(arcs[i]));
        }
        return element(OID, content.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            out.write((int) ((arc >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
    }
}
