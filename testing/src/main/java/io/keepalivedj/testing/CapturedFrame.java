package io.keepalivedj.testing;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One link-layer frame of a capture (Ethernet, as tcpdump wrote it: no FCS, veth frames are not
 * padded to 60 bytes), with the kernel's receive timestamp. Immutable: the bytes are copied in,
 * and {@link #bytes()} hands out a fresh read-only view each time, so one reader's position can
 * never disturb another's.
 *
 * @param timestamp when the capturing interface saw it (CLOCK_REALTIME, as pcap stores it)
 * @param bytes     the captured bytes, position 0, big-endian (network order)
 */
public record CapturedFrame(Instant timestamp, ByteBuffer bytes) {

    public CapturedFrame {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
        copy.put(bytes.duplicate()).flip();
        bytes = copy.asReadOnlyBuffer();
    }

    /** A frame of {@code data} (copied). */
    public static CapturedFrame of(Instant timestamp, byte[] data) {
        return new CapturedFrame(timestamp, ByteBuffer.wrap(data));
    }

    /** A new read-only view of the bytes, position 0, big-endian. */
    @Override
    public ByteBuffer bytes() {
        return bytes.asReadOnlyBuffer();
    }

    /** Number of captured bytes. */
    public int length() {
        return bytes.capacity();
    }

    /** The bytes as lowercase hex, for failure messages. */
    public String hex() {
        byte[] b = new byte[bytes.capacity()];
        bytes.duplicate().get(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public String toString() {
        return "CapturedFrame[" + timestamp + ", " + length() + " bytes]";
    }
}
