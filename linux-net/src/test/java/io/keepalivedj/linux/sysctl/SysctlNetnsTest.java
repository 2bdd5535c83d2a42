package io.keepalivedj.linux.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The DR real-server settings and ip_forward written inside a namespace and read back with
 * {@code ip netns exec NS cat /proc/sys/...}; the host's own values are only read, never written.
 */
@Tag("netns")
class SysctlNetnsTest {
  private String ns;
  private Sysctl sysctl;

  @BeforeEach
  void setUp() {
    NetnsSupport.requireRootAndIp();
    ns = NetnsSupport.createNamespace();
    NetnsSupport.run("ip", "-n", ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
    sysctl = Sysctl.in(NetworkNamespace.named(ns));
  }

  @AfterEach
  void tearDown() {
    NetnsSupport.deleteNamespace(ns);
  }

  private String inNamespace(String key) {
    return NetnsSupport.run("ip", "netns", "exec", ns, "cat", "/proc/sys/" + key.replace('.', '/')).trim();
  }

  @Test
  void writesTheRealServerSettingsInsideTheNamespaceOnly() throws Exception {
    String hostArpIgnore = Sysctl.current().read(SysctlKey.ipv4Conf("all", "arp_ignore"));
    String hostForward = Sysctl.current().read(SysctlKey.IP_FORWARD);

    sysctl.set(InterfaceSetting.ARP_IGNORE, "all", 1);
    sysctl.set(InterfaceSetting.ARP_ANNOUNCE, "veth0", 2);
    sysctl.set(InterfaceSetting.RP_FILTER, "veth0", 2);
    sysctl.set(InterfaceSetting.PROMOTE_SECONDARIES, "veth0", 1);
    sysctl.set(InterfaceSetting.ACCEPT_DAD, "veth0", 0);
    sysctl.setIpForward(!hostForward.equals("1"));

    assertThat(inNamespace("net.ipv4.conf.all.arp_ignore")).isEqualTo("1");
    assertThat(inNamespace("net.ipv4.conf.veth0.arp_announce")).isEqualTo("2");
    assertThat(inNamespace("net.ipv4.conf.veth0.rp_filter")).isEqualTo("2");
    assertThat(inNamespace("net.ipv4.conf.veth0.promote_secondaries")).isEqualTo("1");
    assertThat(inNamespace("net.ipv6.conf.veth0.accept_dad")).isEqualTo("0");
    assertThat(inNamespace("net.ipv4.ip_forward")).isEqualTo(hostForward.equals("1") ? "0" : "1");
    assertThat(sysctl.get(InterfaceSetting.ARP_ANNOUNCE, "veth0")).isEqualTo(2);
    assertThat(sysctl.ipForward()).isEqualTo(!hostForward.equals("1"));

    // The host namespace kept its values, and has no veth0 of the namespace's.
    assertThat(Sysctl.current().read(SysctlKey.ipv4Conf("all", "arp_ignore"))).isEqualTo(hostArpIgnore);
    assertThat(Sysctl.current().read(SysctlKey.IP_FORWARD)).isEqualTo(hostForward);
  }

  @Test
  void namesTheKeyAndTheKernelsErrno() {
    assertThatThrownBy(() -> sysctl.get(InterfaceSetting.RP_FILTER, "nosuchdev0"))
        .isInstanceOfSatisfying(SysctlException.class, e -> {
          assertThat(e.errno()).isEqualTo(Errno.ENOENT);
          assertThat(e.key()).isEqualTo(InterfaceSetting.RP_FILTER.key("nosuchdev0"));
          assertThat(e.getMessage()).startsWith("read net.ipv4.conf.nosuchdev0.rp_filter: ENOENT (2)");
        });
    // proc_dointvec refuses text that is not a number
    assertThatThrownBy(() -> sysctl.write(SysctlKey.IP_FORWARD, "yes"))
        .isInstanceOfSatisfying(SysctlException.class, e -> {
          assertThat(e.errnoName()).isEqualTo("EINVAL");
          assertThat(e.getMessage()).startsWith("write net.ipv4.ip_forward: EINVAL (22): value 'yes'");
        });
    assertThatThrownBy(() -> Sysctl.in(NetworkNamespace.named(ns + "-absent")).read(SysctlKey.IP_FORWARD))
        .isInstanceOfSatisfying(SysctlException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
  }
}
