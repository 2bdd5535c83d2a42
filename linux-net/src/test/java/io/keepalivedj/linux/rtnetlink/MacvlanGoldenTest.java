package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.netlink.Golden;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkMessageCodec;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** macvlan create/delete against iproute2 6.1's {@code ip link add ... type macvlan} and {@code ip link del}. */
class MacvlanGoldenTest {
  private static final int VETH0 = 3;

  private static void assertEncodesAs(NetlinkRequest request, String vector) {
    byte[] ours = Golden.toArray(NetlinkMessageCodec.encode(request, Golden.seq(vector), 0));
    assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(Golden.firstMessage(vector)));
  }

  @Test
  void aVmacMatchesIpLinkAdd() {
    // ip link add link veth0 name vmac51 address 00:00:5e:00:01:33 type macvlan mode private
    MacvlanLink vmac = MacvlanLink.vmac(VETH0, "vmac51", 51);
    assertThat(vmac.address()).contains(HardwareAddress.parse("00:00:5e:00:01:33"));
    assertEncodesAs(LinkCodec.encodeCreateMacvlan(vmac), "link-add-macvlan-04-send");
    // ip link add link veth0 name vmac52 type macvlan mode bridge (no address: the kernel picks)
    assertEncodesAs(LinkCodec.encodeCreateMacvlan(
        new MacvlanLink(VETH0, "vmac52", Optional.empty(), MacvlanMode.BRIDGE)), "link-add-macvlan-bridge-04-send");
  }

  @Test
  void deleteResolvesTheNameThenDeletesByIndexAsIpDoes() {
    assertEncodesAs(LinkCodec.encodeGetByName("vmac51"), "link-del-02-send");
    assertEncodesAs(LinkCodec.encodeDelete(4, "vmac51"), "link-del-04-send");
  }

  @Test
  void decodesTheMacvlanTheKernelDescribes() throws Exception {
    NetlinkMessage vmac = NetlinkMessageCodec.decode(Golden.buffer("link-del-03-recv")).orThrow().get(0);
    assertThat(LinkCodec.decodeMacvlan(vmac).orThrow()).contains(MacvlanLink.vmac(VETH0, "vmac51", 51));
    assertThat(LinkCodec.decode(vmac).orThrow().index()).isEqualTo(4);
    NetlinkMessage veth = NetlinkMessageCodec.decode(Golden.buffer("addr-add-v4-01-recv")).orThrow().get(0);
    assertThat(LinkCodec.decodeMacvlan(veth).orThrow()).isEmpty();
  }

  @Test
  void refusesNamesTheKernelWouldRefuse() {
    for (String bad : new String[] {"", "vmac/1", "vmac 1", "vmac:1", "..", "sixteen-chars-xx"}) {
      assertThatThrownBy(() -> MacvlanLink.vmac(VETH0, bad, 1)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> MacvlanLink.vmac(VETH0, "vmac0", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
