package io.keepalivedj.linux.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key validation and the read/write path, against a copy of the /proc/sys layout in a temp dir. */
class SysctlTest {
  @TempDir
  Path root;
  private Sysctl sysctl;

  @BeforeEach
  void setUp() throws Exception {
    Path conf = Files.createDirectories(root.resolve("net/ipv4/conf/eth0.100"));
    Files.writeString(conf.resolve("arp_ignore"), "0\n");
    Files.writeString(conf.resolve("rp_filter"), "1\n");
    Files.writeString(root.resolve("net/ipv4/ip_forward"), "0\n");
    Files.writeString(root.resolve("net/ipv4/tcp_congestion_control"), "cubic\n");
    Files.createDirectories(root.resolve("net/ipv6/conf/eth0.100"));
    Files.writeString(root.resolve("net/ipv6/conf/eth0.100/accept_dad"), "junk\n");
    sysctl = Sysctl.under(root);
  }

  @Test
  void parsesBothSysctlSpellings() {
    assertThat(SysctlKey.parse("net.ipv4.conf.eth0.rp_filter").segments())
        .containsExactly("net", "ipv4", "conf", "eth0", "rp_filter");
    SysctlKey vlan = SysctlKey.parse("net/ipv4/conf/eth0.100/rp_filter");
    assertThat(vlan).isEqualTo(InterfaceSetting.RP_FILTER.key("eth0.100"));
    assertThat(vlan.toString()).isEqualTo("net.ipv4.conf.eth0/100.rp_filter");
    assertThat(vlan.relativePath()).isEqualTo(Path.of("net/ipv4/conf/eth0.100/rp_filter"));
    assertThat(SysctlKey.IP_FORWARD.toString()).isEqualTo("net.ipv4.ip_forward");
  }

  @Test
  void refusesKeysThatLeaveProcSysNet() {
    for (String bad : List.of("net/../../etc/shadow", "net.ipv4.conf..rp_filter", "net/ipv4/./ip_forward",
        "kernel.hostname", "net", "net.ipv4.conf.eth 0.rp_filter", "net.ipv4\0.ip_forward", "/net/ipv4/ip_forward",
        "net.ipv4.ip_forward.")) {
      assertThatThrownBy(() -> SysctlKey.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> InterfaceSetting.ARP_IGNORE.key("..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InterfaceSetting.ARP_IGNORE.key("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InterfaceSetting.ARP_IGNORE.key("eth0:1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InterfaceSetting.ARP_IGNORE.key("sixteen-chars-xx")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SysctlKey.ipv4Conf("eth0", "../../../kernel/hostname")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesAndReadsTypedSettings() throws Exception {
    sysctl.set(InterfaceSetting.ARP_IGNORE, "eth0.100", 1);
    assertThat(Files.readString(root.resolve("net/ipv4/conf/eth0.100/arp_ignore"))).isEqualTo("1\n");
    assertThat(sysctl.get(InterfaceSetting.ARP_IGNORE, "eth0.100")).isEqualTo(1);
    assertThat(sysctl.get(InterfaceSetting.RP_FILTER, "eth0.100")).isEqualTo(1);
    sysctl.setIpForward(true);
    assertThat(sysctl.ipForward()).isTrue();
    assertThat(sysctl.read(SysctlKey.parse("net.ipv4.tcp_congestion_control"))).isEqualTo("cubic");
  }

  @Test
  void refusesValuesTheKernelWouldStoreWithoutMeaning() throws Exception {
    // arp_ignore has meanings 0-3 and 8; the kernel's proc_dointvec would store 5 anyway.
    assertThatThrownBy(() -> sysctl.set(InterfaceSetting.ARP_IGNORE, "eth0.100", 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arp_ignore takes [0, 1, 2, 3, 8], not 5");
    assertThatThrownBy(() -> sysctl.set(InterfaceSetting.ARP_ANNOUNCE, "eth0.100", 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sysctl.write(SysctlKey.IP_FORWARD, "1\n0")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.readString(root.resolve("net/ipv4/conf/eth0.100/arp_ignore"))).isEqualTo("0\n");
  }

  @Test
  void failuresNameTheKeyAndTheErrno() {
    assertThatThrownBy(() -> sysctl.get(InterfaceSetting.ARP_ANNOUNCE, "eth9"))
        .isInstanceOfSatisfying(SysctlException.class, e -> {
          assertThat(e.errno()).isEqualTo(Errno.ENOENT);
          assertThat(e.key()).isEqualTo(SysctlKey.ipv4Conf("eth9", "arp_announce"));
          assertThat(e.getMessage()).isEqualTo("read net.ipv4.conf.eth9.arp_announce: ENOENT (2): "
              + "no such sysctl (or interface) in this namespace");
        });
    assertThatThrownBy(() -> sysctl.get(InterfaceSetting.ACCEPT_DAD, "eth0.100"))
        .isInstanceOfSatisfying(SysctlException.class, e -> {
          assertThat(e.errnoName()).isEqualTo("EBADMSG");
          assertThat(e.getMessage()).contains("net.ipv6.conf.eth0/100.accept_dad", "not an integer: 'junk'");
        });
    // a directory is not a sysctl: open(O_WRONLY) fails with EISDIR (21)
    assertThatThrownBy(() -> sysctl.write(SysctlKey.parse("net.ipv4.conf"), "1"))
        .isInstanceOfSatisfying(SysctlException.class, e -> assertThat(e.errno()).isEqualTo(21));
  }
}
