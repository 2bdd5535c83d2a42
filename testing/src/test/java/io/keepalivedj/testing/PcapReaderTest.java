package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void readsEveryRecordOfARealCaptureWithMicrosecondTimestamps() {
        List<CapturedFrame> frames = Golden.frames("a-v2-pass.pcap");
        // tcpdump -tt: 20 frames, the first at 1795559394.730871, the last at 1795559403.732508
        assertThat(frames).hasSize(20);
        assertThat(frames.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1795559394L, 730_871_000L));
        assertThat(frames.get(19).timestamp()).isEqualTo(Instant.ofEpochSecond(1795559403L, 732_508_000L));
        assertThat(frames).extracting(CapturedFrame::length).containsOnly(54, 42);
        // frame 1 byte for byte, as tcpdump -xx printed it
        assertThat(frames.get(0).hex()).isEqualTo(""
                + "01005e000012" + "02005ec00203" + "0800"               // Ethernet: dst, src (lb2), IPv4
                + "45c000280001" + "0000ff70188f" + "c0000203e0000012"   // IPv4: TTL 255, proto 112, 192.0.2.3 > 224.0.0.18
                + "21c86501" + "0101ad2a" + "c0000201" + "5858585858580000"); // VRRPv2 vrid 200 prio 101, VIP, "XXXXXX"
    }

    @Test
    void growingFileGivesTheCompleteRecordsAndAStrictReadRefusesATornOne(@TempDir Path dir) throws Exception {
        byte[] whole = Golden.bytes("a-v2-pass.pcap");
        Path torn = dir.resolve("torn.pcap");
        Files.write(torn, Arrays.copyOf(whole, whole.length - 3));
        assertThat(PcapReader.readGrowing(torn)).hasSize(19);
        assertThatThrownBy(() -> PcapReader.read(torn)).isInstanceOf(PcapFormatException.class)
                .hasMessageContaining("ends inside a record of 54 bytes");

        Path headerOnlyPart = dir.resolve("early.pcap");
        Files.write(headerOnlyPart, Arrays.copyOf(whole, 10)); // tcpdump -U before the first flush
        assertThat(PcapReader.readGrowing(headerOnlyPart)).isEmpty();
        assertThatThrownBy(() -> PcapReader.read(headerOnlyPart)).hasMessageContaining("shorter than the 24-byte");

        Path tornHeader = dir.resolve("torn-header.pcap");
        Files.write(tornHeader, Arrays.copyOf(whole, 24 + 16 + 54 + 5));
        assertThat(PcapReader.readGrowing(tornHeader)).hasSize(1);
        assertThatThrownBy(() -> PcapReader.read(tornHeader)).hasMessageContaining("inside a record header");
    }

    @Test
    void bigEndianNanosecondFileIsReadToo() {
        byte[] file = HEX.parseHex(""
                + "a1b23c4d" + "0002" + "0004" + "00000000" + "00000000" + "00040000" + "00000001" // nanosecond magic, BE
                + "6b0610e2" + "3b9ac9ff" + "00000003" + "0000003c"  // 1795559650.999999999, 3 of 60 bytes
                + "aabbcc");
        List<CapturedFrame> frames = PcapReader.parse(ByteBuffer.wrap(file), true);
        assertThat(frames).containsExactly(
                CapturedFrame.of(Instant.ofEpochSecond(0x6b0610e2L, 999_999_999L), HEX.parseHex("aabbcc")));
    }

    @Test
    void refusesWhatItCannotRead() {
        byte[] good = Golden.bytes("a-v2-pass.pcap");

        byte[] sll = good.clone();
        sll[20] = 113; // LINKTYPE_LINUX_SLL: "tcpdump -i any"
        assertThatThrownBy(() -> PcapReader.parse(ByteBuffer.wrap(sll), true))
                .hasMessageContaining("link type 113").hasMessageContaining("'any'");

        byte[] pcapng = good.clone();
        System.arraycopy(HEX.parseHex("0a0d0d0a"), 0, pcapng, 0, 4);
        assertThatThrownBy(() -> PcapReader.parse(ByteBuffer.wrap(pcapng), true))
                .isInstanceOf(PcapFormatException.class).hasMessageContaining("magic 0a0d0d0a");

        byte[] longer = good.clone();
        longer[24 + 8] = 55; // incl_len 55 > orig_len 54
        assertThatThrownBy(() -> PcapReader.parse(ByteBuffer.wrap(longer), true))
                .isInstanceOf(PcapFormatException.class)
                .satisfies(e -> assertThat(((PcapFormatException) e).offset()).isEqualTo(32));

        byte[] micros = good.clone();
        System.arraycopy(HEX.parseHex("40420f00"), 0, micros, 24 + 4, 4); // ts_usec 1000000
        assertThatThrownBy(() -> PcapReader.parse(ByteBuffer.wrap(micros), true)).hasMessageContaining("second or more");
    }

    @Test
    void frameIsImmutableAndComparesByContent() {
        byte[] data = {1, 2, 3, 4};
        CapturedFrame f = CapturedFrame.of(Instant.EPOCH, data);
        data[0] = 9; // the frame made its own copy
        ByteBuffer view = f.bytes();
        assertThat(view.isReadOnly()).isTrue();
        view.get(); // moving one view's position leaves the next view at 0
        assertThat(f.bytes().position()).isZero();
        assertThat(f.bytes().get(0)).isEqualTo((byte) 1);
        assertThat(f).isEqualTo(CapturedFrame.of(Instant.EPOCH, new byte[] {1, 2, 3, 4}))
                .isNotEqualTo(CapturedFrame.of(Instant.EPOCH, new byte[] {1, 2, 3}));
    }
}
