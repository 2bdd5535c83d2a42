package io.keepalivedj.examples.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostInterfacesTest {
  @Test
  void readsEveryInterfaceOfProcNetDevUpOrDown() {
    List<String> procNetDev = List.of(
        "Inter-|   Receive                                                |  Transmit",
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets",
        "    lo:       0       0    0    0    0     0          0         0        0       0",
        "  eth1:    1234      10    0    0    0     0          0         0      567       5",
        "eth0.100:     0       0    0    0    0     0          0         0        0       0");

    assertThat(HostInterfaces.parse(procNetDev)).containsExactlyInAnyOrder("lo", "eth1", "eth0.100");
  }

  @Test
  void theCurrentNamespaceHasLoopback() {
    assertThat(HostInterfaces.current().test("lo")).isTrue();
    assertThat(HostInterfaces.current().test("no-such-if0")).isFalse();
  }
}
