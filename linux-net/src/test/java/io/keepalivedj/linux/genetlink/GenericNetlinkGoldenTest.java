package io.keepalivedj.linux.genetlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.linux.netlink.Golden;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkMessageCodec;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericNetlinkGoldenTest {
  @Test
  void getFamilyMatchesGenl() {
    for (String[] vector : List.of(new String[] {"nlctrl", "genl-get-nlctrl-00-send"},
        new String[] {"IPVS", "genl-get-ipvs-00-send"})) {
      byte[] ours = Golden.toArray(NetlinkMessageCodec.encode(
          GenericNetlinkCodec.encodeGetFamily(vector[0]), Golden.seq(vector[1]), 0));
      assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(Golden.firstMessage(vector[1])));
    }
  }

  @Test
  void decodesNlctrlDescribingItself() throws Exception {
    NetlinkMessage reply = NetlinkMessageCodec.decode(Golden.buffer("genl-get-nlctrl-01-recv")).orThrow().get(0);
    GenericNetlinkFamily family = GenericNetlinkCodec.decodeFamily(reply).orThrow();
    assertThat(family.name()).isEqualTo("nlctrl");
    assertThat(family.id()).isEqualTo(GenetlinkUapi.GENL_ID_CTRL);
    assertThat(family.version()).isEqualTo(2);
    assertThat(family.multicastGroups()).containsExactly(new MulticastGroup("notify", 16));
  }
}
