package io.keepalivedj.config.model;

import static io.keepalivedj.config.model.VirtualServerModelTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealServerModelTest {

  private static RealServer.Builder rs() {
    return RealServer.builder(ip("192.0.2.5"), 80);
  }

  @Test
  void builderStartsAtDefaultsThatInheritTheVirtualServers() {
    RealServer r = rs().build();
    assertThat(r.weight()).isEqualTo(1);
    assertThat(r.lvsMethod()).isEmpty();
    assertThat(r.inhibitOnFailure()).isEmpty();
    assertThat(r.alpha()).isEmpty();
    assertThat(r.retry()).isEmpty();
    assertThat(r.delayLoop()).isEmpty();
    assertThat(r.connectTimeout()).isEmpty();
    assertThat(r.uthreshold()).isZero();
    assertThat(r.lthreshold()).isZero();
    assertThat(r.checkers()).isEmpty();
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @Test
  void rangesAreEnforced() {
    assertThatThrownBy(() -> rs().weight(-1).build()).isInstanceOf(IllegalArgumentException.class);
    assertThat(rs().weight(0).build().weight()).isZero();
    assertThatThrownBy(() -> rs().port(65536).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rs().uthreshold(1L << 32).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rs().retry(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rs().connectTimeout(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rs().warmup(Duration.ofSeconds(-1)).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tunnelFollowsTheMethod() {
    assertThat(rs().lvsMethod(LvsMethod.TUN).build().tunnel()).contains(LvsTunnel.IPIP);
    LvsTunnel gue = new LvsTunnel(LvsTunnel.Type.GUE, 6080, LvsTunnel.Checksum.CSUM);
    RealServer r = rs().tunnel(gue).build();
    assertThat(r.lvsMethod()).contains(LvsMethod.TUN);
    assertThat(r.tunnel()).contains(gue);
  }
}
