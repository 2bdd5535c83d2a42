package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.netlink.NetlinkException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("netns")
class RtnetlinkNetnsTest {
  private String ns;
  private RtnetlinkClient client;
  private int veth0;

  @BeforeEach
  void setUp() throws Exception {
    NetnsSupport.requireRootAndIp();
    ns = NetnsSupport.createNamespace();
    NetnsSupport.run("ip", "-n", ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth0", "address", "02:00:00:00:00:10");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth0", "up");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth1", "up");
    client = RtnetlinkClient.open(NetworkNamespace.named(ns));
    veth0 = NetworkNamespace.named(ns).call(() -> Syscalls.ifNameToIndex("veth0"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    NetnsSupport.deleteNamespace(ns);
  }

  private String ipAddr() {
    return NetnsSupport.run("ip", "-n", ns, "-j", "addr", "show", "dev", "veth0");
  }

  private InterfaceAddress vip() throws Exception {
    return InterfaceAddress.of(veth0, InetAddress.getByName("192.0.2.10"), 24)
        .withBroadcast((Inet4Address) InetAddress.getByName("192.0.2.255"))
        .withLabel("veth0:1");
  }

  @Test
  void addsAndRemovesAVip() throws Exception {
    String hostBefore = NetnsSupport.run("ip", "-j", "addr");
    client.addAddress(vip());
    assertThat(ipAddr()).contains("\"local\":\"192.0.2.10\"", "\"prefixlen\":24",
        "\"broadcast\":\"192.0.2.255\"", "\"label\":\"veth0:1\"");
    // The kernel reports the address as IFA_F_PERMANENT (not from DHCP/SLAAC).
    assertThat(client.listAddresses(SocketUapi.AF_INET))
        .containsExactly(vip().withFlags(RtnetlinkUapi.IFA_F_PERMANENT));
    // The host namespace saw nothing.
    assertThat(NetnsSupport.run("ip", "-j", "addr")).doesNotContain("192.0.2.10").isEqualTo(hostBefore);

    client.deleteAddress(vip());
    assertThat(ipAddr()).doesNotContain("192.0.2.10");
    assertThat(client.listAddresses(SocketUapi.AF_INET)).isEmpty();
  }

  @Test
  void addsAnIpv6VipWithoutDad() throws Exception {
    InterfaceAddress v6 = InterfaceAddress.of(veth0, InetAddress.getByName("2001:db8::10"), 64)
        .withFlags(RtnetlinkUapi.IFA_F_NODAD);
    client.addAddress(v6);
    String json = ipAddr();
    int start = json.indexOf("\"local\":\"2001:db8::10\"");
    assertThat(start).isNotNegative();
    String entry = json.substring(start, json.indexOf('}', start));
    // Without NODAD the address would sit "tentative" for the DAD period (the fe80:: one does).
    assertThat(entry).contains("\"prefixlen\":64", "\"nodad\":true").doesNotContain("tentative");
    assertThat(client.listAddresses(SocketUapi.AF_INET6))
        .filteredOn(a -> a.address().equals(v6.address()))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.flags() & RtnetlinkUapi.IFA_F_NODAD).isNotZero();
          assertThat(a.flags() & RtnetlinkUapi.IFA_F_TENTATIVE).isZero();
        });
  }

  @Test
  void aDuplicateAddNamesEexistWithTheKernelsReason() throws Exception {
    client.addAddress(vip());
    assertThatThrownBy(() -> client.addAddress(vip()))
        .isInstanceOfSatisfying(NetlinkException.class, e -> {
          assertThat(e.errno()).isEqualTo(Errno.EEXIST);
          assertThat(e.errnoName()).isEqualTo("EEXIST");
          assertThat(e.operation()).isEqualTo("ip addr add 192.0.2.10/24 dev ifindex " + veth0);
          assertThat(e.extAckMessage()).contains("ipv4: Address already assigned");
          assertThat(e.getMessage()).contains("EEXIST (17)");
        });
  }

  @Test
  void aMissingInterfaceNamesEnodev() throws Exception {
    InterfaceAddress nowhere = InterfaceAddress.of(9999, InetAddress.getByName("198.51.100.1"), 32);
    assertThatThrownBy(() -> client.addAddress(nowhere))
        .isInstanceOfSatisfying(LinuxException.class, e -> {
          assertThat(e.errnoName()).isEqualTo("ENODEV");
          assertThat(e.getMessage()).contains("ENODEV");
        });
    assertThat(client.link("nosuchdev0")).isEmpty();
    assertThatThrownBy(() -> NetworkNamespace.named(ns).call(() -> Syscalls.ifNameToIndex("nosuchdev0")))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ENODEV"));
  }

  @Test
  void deletingAnAbsentAddressNamesEaddrnotavail() throws Exception {
    assertThatThrownBy(() -> client.deleteAddress(vip()))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("EADDRNOTAVAIL"));
  }

  @Test
  void listsLinksAndFindsOneByName() throws Exception {
    List<LinkInfo> links = client.listLinks();
    assertThat(links).extracting(LinkInfo::name).containsExactlyInAnyOrder("lo", "veth0", "veth1");
    Optional<LinkInfo> link = client.link("veth0");
    assertThat(link).get().satisfies(l -> {
      assertThat(l.index()).isEqualTo(veth0);
      assertThat(l.address()).contains(HardwareAddress.parse("02:00:00:00:00:10"));
      assertThat(l.isUp()).isTrue();
      assertThat(l.mtu()).isEqualTo(1500);
    });
    assertThat(links).contains(link.get());
    assertThat(NetworkNamespace.named(ns).call(() -> Syscalls.ifIndexToName(veth0))).isEqualTo("veth0");
  }
}
