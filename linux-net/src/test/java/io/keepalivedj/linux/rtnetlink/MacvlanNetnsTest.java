package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.Syscalls;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** keepalived's use_vmac: macvlans made and removed through RtnetlinkClient, checked with {@code ip -d -j link}. */
@Tag("netns")
class MacvlanNetnsTest {
  private String ns;
  private RtnetlinkClient client;
  private int veth0;
  private int veth1;

  @BeforeEach
  void setUp() throws Exception {
    NetnsSupport.requireRootAndIp();
    ns = NetnsSupport.createNamespace();
    NetnsSupport.run("ip", "-n", ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
    client = RtnetlinkClient.open(NetworkNamespace.named(ns));
    veth0 = NetworkNamespace.named(ns).call(() -> Syscalls.ifNameToIndex("veth0"));
    veth1 = NetworkNamespace.named(ns).call(() -> Syscalls.ifNameToIndex("veth1"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    NetnsSupport.deleteNamespace(ns);
  }

  private String details(String name) {
    return NetnsSupport.run("ip", "-n", ns, "-d", "-j", "link", "show", "dev", name);
  }

  @Test
  void createsAVmacAndDeletesIt() throws Exception {
    MacvlanLink vmac = MacvlanLink.vmac(veth0, "vmac51", 51);
    client.createMacvlan(vmac);
    assertThat(details("vmac51")).contains("\"link\":\"veth0\"", "\"ifname\":\"vmac51\"",
        "\"address\":\"00:00:5e:00:01:33\"", "\"linkinfo\":{\"info_kind\":\"macvlan\",\"info_data\":{\"mode\":\"private\"");
    assertThat(client.macvlan("vmac51")).contains(vmac);
    assertThat(client.macvlan("veth0")).isEmpty();
    assertThatThrownBy(() -> client.createMacvlan(vmac))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));

    client.deleteLink("vmac51");
    assertThat(client.link("vmac51")).isEmpty();
    assertThat(client.macvlan("vmac51")).isEmpty();
    assertThat(NetnsSupport.run("ip", "-n", ns, "-j", "link", "show")).doesNotContain("vmac51");
    assertThatThrownBy(() -> client.deleteLink("vmac51"))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ENODEV"));
  }

  @Test
  void createsEveryMode() throws Exception {
    for (MacvlanMode mode : new MacvlanMode[] {MacvlanMode.VEPA, MacvlanMode.BRIDGE}) {
      String name = "mv-" + mode.ipName();
      client.createMacvlan(new MacvlanLink(veth0, name, Optional.empty(), mode));
      assertThat(details(name)).contains("\"info_data\":{\"mode\":\"" + mode.ipName() + "\"");
      assertThat(client.macvlan(name)).get().satisfies(m -> {
        assertThat(m.mode()).isEqualTo(mode);
        assertThat(m.parentIndex()).isEqualTo(veth0);
        assertThat(m.address()).isPresent(); // the kernel picked a random one
      });
    }
    // passthru takes the whole parent, so only one per parent: on veth1
    client.createMacvlan(new MacvlanLink(veth1, "mv-passthru", Optional.empty(), MacvlanMode.PASSTHRU));
    assertThat(details("mv-passthru")).contains("\"link\":\"veth1\"", "\"mode\":\"passthru\"");
    assertThat(client.macvlan("mv-passthru").map(MacvlanLink::mode)).contains(MacvlanMode.PASSTHRU);
    for (String name : new String[] {"mv-vepa", "mv-bridge", "mv-passthru"}) {
      client.deleteLink(name);
    }
    assertThat(client.listLinks()).extracting(LinkInfo::name).containsExactlyInAnyOrder("lo", "veth0", "veth1");
  }
}
