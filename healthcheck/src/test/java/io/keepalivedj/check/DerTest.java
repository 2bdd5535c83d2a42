package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes for the DER the key loader reads and writes (X.690 §8.1.3, §8.19). */
class DerTest {

    static final HexFormat HEX = HexFormat.of();

    @Test
    void lengthsUseTheShortestForm() {
        assertThat(HEX.formatHex(Der.sequence())).isEqualTo("3000");
        assertThat(HEX.formatHex(Der.octetString(new byte[127])).substring(0, 4)).isEqualTo("047f");
        assertThat(HEX.formatHex(Der.octetString(new byte[128])).substring(0, 6)).isEqualTo("048180");
        assertThat(HEX.formatHex(Der.octetString(new byte[255])).substring(0, 6)).isEqualTo("0481ff");
        assertThat(HEX.formatHex(Der.octetString(new byte[256])).substring(0, 8)).isEqualTo("04820100");
        assertThat(HEX.formatHex(Der.octetString(new byte[65536])).substring(0, 10)).isEqualTo("0483010000");
    }

    @Test
    void smallValues() {
        assertThat(HEX.formatHex(Der.integer(0))).isEqualTo("020100");
        assertThat(HEX.formatHex(Der.integer(128))).isEqualTo("02020080"); // a leading 0: the value is positive
        assertThat(HEX.formatHex(Der.nullValue())).isEqualTo("0500");
    }

    @Test
    void objectIdentifiersRoundTrip() throws IOException {
        // rsaEncryption as every PKCS#8 RSA key carries it; then arcs of one, two and three base-128 digits.
        assertThat(HEX.formatHex(Der.oid("1.2.840.113549.1.1.1"))).isEqualTo("06092a864886f70d010101");
        assertThat(HEX.formatHex(Der.oid("2.16.840.1.101.3.4.1.42"))).isEqualTo("060960864801650304012a");
        for (String oid : new String[] {"1.2.840.10045.2.1", "1.3.6.1.4.1.11591.4.11", "2.999.0", "0.0"}) {
            assertThat(new Der.Reader(Der.oid(oid)).oid()).isEqualTo(oid);
        }
    }

    @Test
    void readerWalksNestedElements() throws IOException {
        byte[] der = Der.sequence(Der.integer(7), Der.sequence(Der.oid("1.2.3"), Der.nullValue()), Der.octetString(new byte[] {1, 2}));
        Der.Reader outer = new Der.Reader(der);
        Der.Reader seq = outer.sequence();
        outer.end();
        assertThat(seq.integer()).isEqualTo(BigInteger.valueOf(7));
        assertThat(HEX.formatHex(seq.element())).isEqualTo("3006" + "06022a03" + "0500");
        assertThat(seq.peekTag()).isEqualTo(Der.OCTET_STRING);
        assertThat(seq.octetString()).containsExactly(1, 2);
        assertThat(seq.hasMore()).isFalse();
        assertThat(seq.peekTag()).isEqualTo(-1);
    }

    @Test
    void malformedInputFailsWithoutReadingPastTheEnd() {
        assertThatThrownBy(() -> new Der.Reader(HEX.parseHex("3005020100")).sequence())
                .isInstanceOf(IOException.class).hasMessage("malformed DER: element of 5 bytes, only 3 left");
        assertThatThrownBy(() -> new Der.Reader(HEX.parseHex("3082")).sequence())
                .hasMessage("malformed DER: length cut short");
        assertThatThrownBy(() -> new Der.Reader(HEX.parseHex("30")).sequence()).hasMessage("malformed DER: no length");
        assertThatThrownBy(() -> new Der.Reader(HEX.parseHex("3080")).sequence())
                .hasMessage("malformed DER: length of 0 bytes"); // BER's indefinite form
        assertThatThrownBy(() -> new Der.Reader(HEX.parseHex("020100")).sequence())
                .hasMessage("malformed DER: tag 0x2 where 0x30 was expected");
        assertThatThrownBy(() -> new Der.Reader(new byte[0]).integer())
                .hasMessage("malformed DER: ends where tag 0x2 was expected");
        assertThatThrownBy(() -> new Der.Reader(HEX.parseHex("06022a86")).oid())
                .hasMessage("malformed DER: OBJECT IDENTIFIER ends inside an arc");
        assertThatThrownBy(() -> {
            Der.Reader r = new Der.Reader(HEX.parseHex("0201000500"));
            r.integer();
            r.end();
        }).hasMessage("malformed DER: 2 unexpected trailing bytes");
    }
}
