package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LabAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.2/24", "192.0.2.255/32", "198.51.100.1/24", "203.0.113.9/24",
            "2001:db8::2/64", "2001:db8:ffff:ffff::1/128", "192.0.2.1"})
    void labRangesAreAccepted(String cidr) {
        assertThat(LabAddress.parse(cidr).toString()).startsWith(cidr.split("/")[0].replace("::", ":").substring(0, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/8", "192.0.3.1/24", "192.168.1.1/24", "198.51.101.1/24", "203.0.112.255/24",
            "2001:db9::1/64", "2001:db7:ffff::1/64", "fe80::1/64", "127.0.0.1/8", "0.0.0.0/0", "::1/128"})
    void otherAddressesAreRefused(String cidr) {
        assertThatThrownBy(() -> LabAddress.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the lab ranges");
    }

    @Test
    void malformedInputIsRefusedWithoutDns() {
        assertThatThrownBy(() -> LabAddress.parse("example.com/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabAddress.parse("192.0.2.1/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabAddress.parse("192.0.2.1/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabAddress.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAndRendering() {
        assertThat(LabAddress.parse("192.0.2.1")).isEqualTo(LabAddress.parse("192.0.2.1/32"));
        assertThat(LabAddress.parse("2001:db8::1").prefixLength()).isEqualTo(128);
        assertThat(LabAddress.parse("2001:db8::a/64").toString()).isEqualTo("2001:db8:0:0:0:0:0:a/64");
        assertThat(LabAddress.parse("2001:db8::a/64").isIpv6()).isTrue();
        assertThat(LabAddress.parse("203.0.113.7/24").host()).isEqualTo("203.0.113.7");
    }

    @Test
    void interfaceNamesFollowTheKernelRule() {
        assertThat(InterfaceName.check("eth1")).isEqualTo("eth1");
        assertThat(InterfaceName.check("abcdefghijklmno")).hasSize(15);
        assertThatThrownBy(() -> InterfaceName.check("abcdefghijklmnop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceName.check("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceName.check("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceName.check("..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sysctlKeysMapToProcSys() {
        assertThat(Netns.sysctlPath("net.ipv4.conf.eth1.arp_ignore")).isEqualTo("/proc/sys/net/ipv4/conf/eth1/arp_ignore");
        assertThat(Netns.sysctlPath("net/ipv4/conf/eth1.100/arp_ignore")).isEqualTo("/proc/sys/net/ipv4/conf/eth1.100/arp_ignore");
        assertThatThrownBy(() -> Netns.sysctlPath("net/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Netns.sysctlPath("a;b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labPrefixShape() {
        assertThat(NetnsLab.isLabPrefix("kjab3z1")).isTrue();
        assertThat(NetnsLab.isLabPrefix("kjx")).isFalse();
        assertThat(NetnsLab.isLabPrefix("kl")).isFalse();
    }
}
