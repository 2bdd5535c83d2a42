package io.keepalivedj.config.model;

import static io.keepalivedj.config.model.VirtualServerModelTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.config.SourcePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LvsModelTest {
  private static final SourcePosition P = SourcePosition.NONE;

  @Test
  void enumsSpellKeywordsAsKeepalived() {
    assertThat(Arrays.stream(LvsScheduler.values()).map(LvsScheduler::keyword).collect(Collectors.joining(" ")))
        .isEqualTo("rr wrr lc wlc lblc sh mh dh fo ovf lblcr sed nq twos");
    assertThat(Arrays.stream(LvsMethod.values()).map(LvsMethod::keyword)).containsExactly("NAT", "DR", "TUN");
    assertThat(Arrays.stream(LvsProtocol.values()).map(LvsProtocol::ipProtocol)).containsExactly(6, 17, 132);
    assertThat(Arrays.stream(HttpProtocol.values()).map(HttpProtocol::keyword)).containsExactly("1.0", "1.0C", "1.1");
    assertThat(LvsIpFamily.of(ip("2001:db8::1"))).isEqualTo(LvsIpFamily.INET6);
  }

  @Test
  void groupEntries() {
    VirtualServerGroupEntry.AddressRange r =
        new VirtualServerGroupEntry.AddressRange(ip("192.0.2.10"), ip("192.0.2.20"), 80, P);
    assertThat(r.contains(ip("192.0.2.15"))).isTrue();
    assertThat(r.contains(ip("192.0.2.21"))).isFalse();
    assertThat(r.contains(ip("2001:db8::1"))).isFalse();
    assertThatThrownBy(() -> new VirtualServerGroupEntry.AddressRange(ip("192.0.2.20"), ip("192.0.2.10"), 80, P))
        .hasMessageContaining("below");
    assertThatThrownBy(() -> new VirtualServerGroupEntry.AddressRange(ip("192.0.2.1"), ip("2001:db8::1"), 80, P))
        .hasMessageContaining("families");
    assertThatThrownBy(() -> new VirtualServerGroup("G", List.of(), P)).hasMessageContaining("no entries");
    VirtualServerGroup g = new VirtualServerGroup("G",
        List.of(r, new VirtualServerGroupEntry.Fwmark(1, Optional.of(LvsIpFamily.INET6), P)), P);
    assertThat(g.hasAddresses() && g.hasFwmarks()).isTrue();
    assertThatThrownBy(() -> new VirtualServerGroup("G", List.of(r,
        new VirtualServerGroupEntry.AddressRange(ip("2001:db8::1"), ip("2001:db8::1"), 80, P),
        new VirtualServerGroupEntry.Fwmark(1, Optional.empty(), P)), P)).hasMessageContaining("fwmark without family");
  }

  @Test
  void lvsConfigFindsTheFirstGroupOfAName() {
    VirtualServerGroupEntry e = VirtualServerGroupEntry.AddressRange.single(ip("192.0.2.1"), 80, P);
    VirtualServerGroup first = new VirtualServerGroup("G", List.of(e), SourcePosition.of("a", 1, 1));
    VirtualServerGroup second = new VirtualServerGroup("G", List.of(e), SourcePosition.of("a", 5, 1));
    LvsConfig c = new LvsConfig(Optional.empty(), List.of(first, second), List.of());
    assertThat(c.virtualServerGroup("G")).contains(first);
    assertThat(c.virtualServerGroup("H")).isEmpty();
    assertThat(LvsConfig.empty().virtualServers()).isEmpty();
  }
}
