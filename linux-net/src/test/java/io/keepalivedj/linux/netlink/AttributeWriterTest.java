package io.keepalivedj.linux.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AttributeWriterTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void padsEveryAttributeToFourBytesButRecordsTheUnpaddedLength() {
    assertThat(ByteOrder.nativeOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    byte[] bytes = Golden.toArray(new AttributeWriter()
        .u8(1, 0xab)
        .u16(2, 0x1234)
        .string(3, "veth0")
        .u64(4, 0x0102030405060708L)
        .toBuffer());
    assertThat(HEX.formatHex(bytes)).isEqualTo(
        "05000100" + "ab000000"                 // nla_len 5, type 1, u8 + 3 pad
        + "06000200" + "34120000"               // nla_len 6, u16 LE + 2 pad
        + "0a000300" + "7665746830000000"       // nla_len 10, "veth0\0" + 2 pad
        + "0c000400" + "0807060504030201");     // nla_len 12, u64 LE
  }

  @Test
  void networkOrderHelpersWriteBigEndian() {
    byte[] bytes = Golden.toArray(new AttributeWriter().u16NetworkOrder(1, 80).u32NetworkOrder(2, 0xc000020a).toBuffer());
    assertThat(HEX.formatHex(bytes)).isEqualTo("06000100" + "00500000" + "08000200" + "c000020a");
  }

  @Test
  void nestedSetsTheFlagAndCoversItsChildren() {
    byte[] bytes = Golden.toArray(new AttributeWriter()
        .nested(1, n -> n.u32(2, 7).flag(3))
        .nestedWithoutFlag(4, n -> n.u8(5, 1))
        .toBuffer());
    assertThat(HEX.formatHex(bytes)).isEqualTo(
        "10000180" + "0800020007000000" + "04000300"   // len 16, type 1|NLA_F_NESTED
        + "0c000400" + "0500050001000000");           // len 12, type 4 without the flag
  }

  @Test
  void roundTripsThroughTheReader() throws Exception {
    NetlinkAttributes parsed = NetlinkAttributes.parse(new AttributeWriter()
        .putU32(99)
        .string(3, "eth1:1")
        .nested(9, n -> n.u32(1, -2).u16NetworkOrder(2, 443))
        .toBuffer().position(4));
    assertThat(parsed.require(3).string()).isEqualTo("eth1:1");
    NetlinkAttribute nest = parsed.require(9);
    assertThat(nest.nested()).isTrue();
    assertThat(nest.nestedAttributes().require(1).u32()).isEqualTo(-2);
    assertThat(nest.nestedAttributes().require(2).u16NetworkOrder()).isEqualTo(443);
  }

  @Test
  void rejectsValuesOutsideTheirWidth() {
    assertThatThrownBy(() -> new AttributeWriter().u8(1, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttributeWriter().u16(1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttributeWriter().u32(0x4000, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttributeWriter().string(1, "a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttributeWriter().bytes(1, new byte[65532]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void growsPastItsInitialCapacity() {
    AttributeWriter w = new AttributeWriter(16);
    for (int i = 0; i < 1000; i++) {
      w.u32(1, i);
    }
    assertThat(w.length()).isEqualTo(8000);
    assertThat(w.toBuffer().getInt(7996)).isEqualTo(999);
  }
}
