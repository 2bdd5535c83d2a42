package io.keepalivedj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the classic libpcap file format (pcap-savefile(5); draft-ietf-opsawg-pcap), the one
 * {@code tcpdump -w} writes, into {@link CapturedFrame}s. Ethernet only (LINKTYPE_ETHERNET = 1),
 * which is what tcpdump records on a veth or bridge; "-i any" (LINKTYPE_LINUX_SLL) is refused.
 *
 * <pre>
 * global header, 24 bytes, in the writer's byte order (the magic tells which):
 *   u32 magic      0xa1b2c3d4 = microsecond timestamps, 0xa1b23c4d = nanosecond
 *   u16 version_major (2), u16 version_minor (4)
 *   i32 thiszone, u32 sigfigs (both 0 in practice)
 *   u32 snaplen    longest record this file may hold
 *   u32 network    link type
 * per record: 16-byte header, then incl_len bytes:
 *   u32 ts_sec, u32 ts_usec (or ts_nsec), u32 incl_len, u32 orig_len
 * </pre>
 *
 * <p>A file that tcpdump is still writing can end in the middle of a record (and is empty until
 * the first packet is flushed): {@link #readGrowing} returns the complete records so far, while
 * {@link #read} demands a whole file.
 */
public final class PcapReader {

    /** LINKTYPE_ETHERNET (IEEE 802.3 Ethernet; tcpdump calls it EN10MB). */
    public static final int LINKTYPE_ETHERNET = 1;
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int GLOBAL_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    /** libpcap's own ceiling (MAXIMUM_SNAPLEN): a larger record length means a corrupt file. */
    static final int MAX_RECORD_LENGTH = 262_144;

    private PcapReader() {
    }

    /** Every frame of a complete pcap file. */
    public static List<CapturedFrame> read(Path file) {
        return parse(readAll(file), true);
    }

    /** The complete records of a file tcpdump may still be appending to; empty before its header is written. */
    public static List<CapturedFrame> readGrowing(Path file) {
        return parse(readAll(file), false);
    }

    /**
     * Parses {@code data} from its position. {@code complete}: the data must end exactly after a
     * record; otherwise a partial header or record at the end is ignored.
     *
     * @throws PcapFormatException if it is not a microsecond/nanosecond Ethernet pcap, or is corrupt
     */
    public static List<CapturedFrame> parse(ByteBuffer data, boolean complete) {
        ByteBuffer in = data.slice();
        if (in.remaining() < GLOBAL_HEADER_LENGTH) {
            if (complete) {
                throw new PcapFormatException(0, "only " + in.remaining() + " bytes, shorter than the "
                        + GLOBAL_HEADER_LENGTH + "-byte global header");
            }
            return List.of();
        }
        long nanosPerTick = nanosPerTick(in);
        int major = Short.toUnsignedInt(in.getShort(4));
        int minor = Short.toUnsignedInt(in.getShort(6));
        if (major != 2 || minor != 4) {
            throw new PcapFormatException(4, "version " + major + "." + minor + ", expected 2.4");
        }
        long snapLength = Integer.toUnsignedLong(in.getInt(16));
        int linkType = in.getInt(20) & 0x0fff_ffff; // the top bits carry an FCS length, not the type
        if (linkType != LINKTYPE_ETHERNET) {
            throw new PcapFormatException(20, "link type " + linkType + ", only Ethernet (1) is supported"
                    + (linkType == 113 ? " (113 is Linux cooked capture: capture on one interface, not 'any')" : ""));
        }
        List<CapturedFrame> frames = new ArrayList<>();
        int pos = GLOBAL_HEADER_LENGTH;
        while (pos < in.limit()) {
            if (in.limit() - pos < RECORD_HEADER_LENGTH) {
                return truncated(frames, complete, pos, "record header");
            }
            long seconds = Integer.toUnsignedLong(in.getInt(pos));
            long fraction = Integer.toUnsignedLong(in.getInt(pos + 4));
            long included = Integer.toUnsignedLong(in.getInt(pos + 8));
            long original = Integer.toUnsignedLong(in.getInt(pos + 12));
            if (fraction * nanosPerTick >= 1_000_000_000L) {
                throw new PcapFormatException(pos + 4, "sub-second timestamp part " + fraction + " is a second or more");
            }
            if (included > MAX_RECORD_LENGTH || included > original || (snapLength > 0 && included > snapLength)) {
                throw new PcapFormatException(pos + 8, "record length " + included + " (original " + original
                        + ", snaplen " + snapLength + ")");
            }
            int body = pos + RECORD_HEADER_LENGTH;
            if (in.limit() - body < included) {
                return truncated(frames, complete, pos, "record of " + included + " bytes");
            }
            frames.add(new CapturedFrame(Instant.ofEpochSecond(seconds, fraction * nanosPerTick),
                    in.slice(body, (int) included)));
            pos = body + (int) included;
        }
        return List.copyOf(frames);
    }

    /** Reads the magic and sets {@code in}'s byte order to the writer's; the length of one timestamp tick. */
    private static long nanosPerTick(ByteBuffer in) {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            int magic = in.order(order).getInt(0);
            if (magic == MAGIC_MICROS) {
                return 1_000;
            }
            if (magic == MAGIC_NANOS) {
                return 1;
            }
        }
        throw new PcapFormatException(0, String.format("magic %08x is not pcap (pcapng is not supported: tcpdump -w "
                + "writes classic pcap)", in.order(ByteOrder.BIG_ENDIAN).getInt(0)));
    }

    private static List<CapturedFrame> truncated(List<CapturedFrame> frames, boolean complete, int pos, String what) {
        if (complete) {
            throw new PcapFormatException(pos, "file ends inside a " + what);
        }
        return List.copyOf(frames);
    }

    private static ByteBuffer readAll(Path file) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
