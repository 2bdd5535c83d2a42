package io.keepalivedj.config.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualServerModelTest {

  private static final InetAddress VIP = ip("192.0.2.1");

  static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static VirtualServer.Builder tcp() {
    return VirtualServer.builder(VIP, 80).protocol(LvsProtocol.TCP);
  }

  @Test
  void builderStartsAtKeepalivedsDefaults() {
    VirtualServer vs = tcp().build();
    assertThat(vs.delayLoop()).isEqualTo(Duration.ofSeconds(60));
    assertThat(vs.lvsSched()).isEqualTo(LvsScheduler.WLC);
    assertThat(vs.lvsMethod()).isEqualTo(LvsMethod.NAT);
    assertThat(vs.tunnel()).isEmpty();
    assertThat(vs.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(vs.quorum()).isEqualTo(1);
    assertThat(vs.hysteresis()).isZero();
    assertThat(vs.weight()).isEqualTo(1);
    assertThat(vs.persistenceTimeout()).isEmpty();
    assertThat(vs.retry()).isEmpty();
    assertThat(vs.smtpAlert()).isEmpty();
    assertThat(vs.alpha() || vs.omega() || vs.ops() || vs.haSuspend() || vs.inhibitOnFailure()).isFalse();
    assertThat(vs.toBuilder().build()).isEqualTo(vs);
  }

  @Test
  void addressServiceNeedsAProtocolAndAFwmarkServiceHasNone() {
    assertThatThrownBy(() -> VirtualServer.builder(VIP, 80).build()).hasMessageContaining("needs a protocol");
    assertThatThrownBy(() -> VirtualServer.builder(new VirtualServerEndpoint.Fwmark(1)).protocol(LvsProtocol.TCP).build())
        .hasMessageContaining("no protocol");
    assertThat(VirtualServer.builder(new VirtualServerEndpoint.Fwmark(1)).build().protocol()).isEmpty();
  }

  @Test
  void rangesAreEnforced() {
    assertThatThrownBy(() -> tcp().weight(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().delayLoop(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().delayLoop(Duration.ofNanos(1500)).build()).hasMessageContaining("microsecond");
    assertThatThrownBy(() -> tcp().connectTimeout(Duration.ofSeconds(4295)).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().persistenceTimeout(Duration.ofDays(32)).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().persistenceGranularity("255.255.256.0").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().persistenceGranularity("129").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().persistenceEngine("x".repeat(17)).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tcp().hysteresis(1).build()).hasMessageContaining("below quorum");
    assertThatThrownBy(() -> tcp().retry(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VirtualServerEndpoint.Address(VIP, 65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VirtualServerEndpoint.Fwmark(1L << 32)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void schedulerFlagsBelongToTheirScheduler() {
    assertThatThrownBy(() -> tcp().shPort(true).build()).hasMessageContaining("sh");
    assertThatThrownBy(() -> tcp().lvsSched(LvsScheduler.SH).mhFallback(true).build()).hasMessageContaining("mh");
    assertThat(tcp().lvsSched(LvsScheduler.MH).mhPort(true).hashed(true).build().mhPort()).isTrue();
    assertThatThrownBy(() -> tcp().ops(true).build()).hasMessageContaining("UDP");
    assertThat(VirtualServer.builder(VIP, 53).protocol(LvsProtocol.UDP).ops(true).build().ops()).isTrue();
  }

  @Test
  void zeroPortNeedsPersistence() {
    assertThatThrownBy(() -> VirtualServer.builder(VIP, 0).protocol(LvsProtocol.TCP).build())
        .hasMessageContaining("persistent");
    assertThat(VirtualServer.builder(VIP, 0).protocol(LvsProtocol.TCP)
        .persistenceTimeout(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT).build().persistenceTimeout()).isPresent();
  }

  @Test
  void tunnelGoesWithTunOnly() {
    VirtualServer vs = tcp().lvsMethod(LvsMethod.TUN).build();
    assertThat(vs.tunnel()).contains(LvsTunnel.IPIP);
    assertThat(tcp().tunnel(LvsTunnel.IPIP).lvsMethod(LvsMethod.DR).build().tunnel()).isEmpty();
    assertThatThrownBy(() -> new LvsTunnel(LvsTunnel.Type.GUE, 0, LvsTunnel.Checksum.NOCSUM)).hasMessageContaining("gue");
    assertThatThrownBy(() -> new LvsTunnel(LvsTunnel.Type.IPIP, 0, LvsTunnel.Checksum.CSUM)).hasMessageContaining("ipip");
    assertThatThrownBy(() -> new LvsTunnel(LvsTunnel.Type.GRE, 0, LvsTunnel.Checksum.REMCSUM)).hasMessageContaining("gre");
  }

  @Test
  void realServersAreUniqueAndTheListImmutable() {
    RealServer rs = RealServer.builder(ip("192.0.2.5"), 80).build();
    assertThatThrownBy(() -> tcp().realServer(rs).realServer(rs).build()).hasMessageContaining("duplicated");
    VirtualServer vs = tcp().realServer(rs).realServer(rs.toBuilder().weight(4).port(81).build()).build();
    assertThat(vs.realServerWeightSum()).isEqualTo(5);
    assertThatThrownBy(() -> vs.realServers().add(rs)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ipFamilyMustMatchTheAddress() {
    assertThatThrownBy(() -> tcp().ipFamily(LvsIpFamily.INET6).build()).hasMessageContaining("ip_family");
    assertThat(tcp().ipFamily(LvsIpFamily.INET).build().ipFamily()).isEqualTo(Optional.of(LvsIpFamily.INET));
  }
}
