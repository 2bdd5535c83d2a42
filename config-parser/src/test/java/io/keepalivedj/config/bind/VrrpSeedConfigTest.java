package io.keepalivedj.config.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.AuthType;
import io.keepalivedj.config.model.Authentication;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.IpPrefix;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference configuration binds to exactly its values, everything else at keepalived's defaults. */
class VrrpSeedConfigTest {

  private static String seed() throws IOException {
    try (InputStream in = VrrpSeedConfigTest.class.getResourceAsStream("/seed/keepalived.conf")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(VrrpTestConfigs.FILE, line, column);
  }

  @Test
  void seedBindsToItsValuesAndDefaults() throws IOException {
    ParseResult r = VrrpTestConfigs.parse(seed());

    assertThat(VrrpTestConfigs.errors(r)).isEmpty();
    assertThat(r.config().globalDefs()).isEqualTo(GlobalDefs.defaults());

    VirtualIpAddress vip = VirtualIpAddress.of(new IpPrefix(InetAddress.getByName("10.0.0.1"), 24)).withDev("eth1");
    vip = new VirtualIpAddress(vip.address(), vip.broadcast(), vip.dev(), vip.scope(), vip.label(), vip.peer(),
        vip.home(), vip.nodad(), vip.mngtmpaddr(), vip.noprefixroute(), vip.autojoin(), vip.preferredLft(),
        vip.noTrack(), vip.useVmac(), vip.trackGroup(), at(19, 5));
    VrrpInstance expected = VrrpInstance.builder("VI")
        .state(VrrpState.BACKUP)
        .interfaceName("eth1")
        .garpMasterDelay(Duration.ofSeconds(5))
        .virtualRouterId(200)
        .priority(101)
        .nopreempt(true)
        .advertInt(Duration.ofSeconds(1))
        .authentication(new Authentication(AuthType.PASS, "XXXXXX"))
        .virtualIpaddress(vip)
        .position(at(6, 1))
        .build();

    VrrpConfig vrrp = r.config().vrrp();
    assertThat(vrrp.vrrpInstances()).containsExactly(expected);
    assertThat(vrrp.vrrpScripts()).isEmpty();
    assertThat(vrrp.vrrpSyncGroups()).isEmpty();
    assertThat(vrrp.staticIpaddress()).isEmpty();
    assertThat(vrrp.bfdInstances()).isEmpty();
  }

  @Test
  void seedInstanceHasKeepalivedsDefaultsWhereTheFileIsSilent() throws IOException {
    VrrpInstance vi = VrrpTestConfigs.parse(seed()).config().vrrp().instance("VI").orElseThrow();

    assertThat(vi.version()).isEqualTo(2);
    assertThat(vi.preemptDelay()).isEqualTo(Duration.ZERO);
    assertThat(vi.garpMasterRepeat()).isEqualTo(5);
    assertThat(vi.garpMasterRefresh()).isEqualTo(Duration.ZERO);
    assertThat(vi.garpMasterRefreshRepeat()).isEqualTo(1);
    assertThat(vi.downTimerAdverts()).isEqualTo(3);
    assertThat(vi.strictMode()).isFalse();
    assertThat(vi.unicastPeer()).isEmpty();
    assertThat(vi.trackScript()).isEmpty();
    assertThat(vi.notifyMaster()).isEmpty();
    assertThat(vi.accept()).isEmpty();
    assertThat(vi.isIpv6()).isFalse();
    assertThat(vi.otherSettings()).isEqualTo(List.of());
  }
}
