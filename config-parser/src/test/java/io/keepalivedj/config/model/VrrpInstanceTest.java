package io.keepalivedj.config.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VrrpInstanceTest {

  private static VrrpInstance.Builder base() throws Exception {
    return VrrpInstance.builder("VI").interfaceName("eth1").virtualRouterId(51)
        .virtualIpaddress(VirtualIpAddress.of(new IpPrefix(InetAddress.getByName("192.0.2.1"), 24)));
  }

  @Test
  void builderDerivesStatePriorityAndVersionAsKeepalivedDoes() throws Exception {
    VrrpInstance plain = base().build();
    assertThat(plain.state()).isEqualTo(VrrpState.BACKUP);
    assertThat(plain.priority()).isEqualTo(100);
    assertThat(plain.version()).isEqualTo(2);
    assertThat(plain.advertInt()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plain.garpMasterDelay()).isEqualTo(Duration.ofSeconds(5));

    assertThat(base().state(VrrpState.MASTER).build().priority()).isEqualTo(255);
    assertThat(base().priority(255).build().state()).isEqualTo(VrrpState.MASTER);

    VrrpInstance v6 = VrrpInstance.builder("V6").interfaceName("eth1").virtualRouterId(1)
        .virtualIpaddress(VirtualIpAddress.of(new IpPrefix(InetAddress.getByName("fe80::1"), 64))).build();
    assertThat(v6.version()).isEqualTo(3);
    assertThat(v6.isIpv6()).isTrue();
    assertThat(plain.toBuilder().priority(50).build().priority()).isEqualTo(50);
  }

  @Test
  void invalidInstancesCannotBeBuilt() throws Exception {
    assertThatThrownBy(() -> base().virtualRouterId(0).build()).hasMessageContaining("virtual_router_id");
    assertThatThrownBy(() -> base().priority(256).build()).hasMessageContaining("priority");
    assertThatThrownBy(() -> base().state(VrrpState.MASTER).nopreempt(true).build()).hasMessageContaining("nopreempt");
    assertThatThrownBy(() -> base().advertInt(Duration.ofMillis(1500)).build()).hasMessageContaining("VRRPv2");
    assertThatThrownBy(() -> base().version(3).advertInt(Duration.ofMillis(15)).build()).hasMessageContaining("10 ms");
    assertThatThrownBy(() -> base().version(3).authentication(new Authentication(AuthType.PASS, "x")).build())
        .hasMessageContaining("authentication");
    assertThatThrownBy(() -> base().preemptDelay(Duration.ofSeconds(1001)).build()).hasMessageContaining("preempt_delay");
    assertThatThrownBy(() -> base().version(2).virtualIpaddress(
        VirtualIpAddress.of(new IpPrefix(InetAddress.getByName("2001:db8::1"), 64))).build())
        .hasMessageContaining("IPv4 or all IPv6");
    assertThatThrownBy(() -> VrrpInstance.builder("U").virtualRouterId(1).build()).hasMessageContaining("interface");
    assertThatThrownBy(() -> new Authentication(AuthType.PASS, "123456789")).hasMessageContaining("1..8");
    assertThat(base().version(3).advertInt(Duration.ofMillis(10)).build().advertInt()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void trackedWeightsAreBoundedPerKind() throws Exception {
    // keepalived bounds interface, script and BFD weights by 253 but file and process weights by 254.
    TrackedObject heavy = new TrackedObject("t", 254, false, SourcePosition.NONE);
    assertThat(base().trackFile(heavy).trackProcess(heavy).build().trackFile()).containsExactly(heavy);
    assertThatThrownBy(() -> base().trackInterface(heavy).build()).hasMessageContaining("outside -253..253");
    assertThatThrownBy(() -> base().trackScript(heavy).build()).hasMessageContaining("outside -253..253");
    assertThatThrownBy(() -> base().trackBfd(heavy).build()).hasMessageContaining("outside -253..253");
    assertThatThrownBy(() -> new TrackedObject("t", -255, false, SourcePosition.NONE))
        .hasMessageContaining("outside -254..254");
    assertThatThrownBy(() -> TrackedObject.of("")).hasMessageContaining("empty name");
  }
}
