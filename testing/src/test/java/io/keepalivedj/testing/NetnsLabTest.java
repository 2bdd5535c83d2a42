package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@NetnsTest
class NetnsLabTest {

    @Test
    void twoNamespacesPingEachOtherOverTheBridge() {
        try (NetnsLab lab = NetnsLab.create()) {
            Bridge br = lab.addBridge("br", "br0");
            Netns a = lab.addNamespace("a");
            Netns b = lab.addNamespace("b");
            lab.attach(a, "eth1", br, "a");
            lab.attach(b, "eth1", br, "b");
            a.addAddress("eth1", "192.0.2.20/24");
            b.addAddress("eth1", "192.0.2.21/24");
            a.addAddress("eth1", "2001:db8::20/64");
            b.addAddress("eth1", "2001:db8::21/64");

            assertThat(a.exec("ping", "-c", "1", "-W", "2", "192.0.2.21").orThrow("ping v4").stdout())
                    .contains("1 received");
            assertThat(b.exec("ping", "-6", "-c", "1", "-W", "2", "2001:db8::20").orThrow("ping v6").stdout())
                    .contains("1 received");
            // isolation: the root namespace has no route to the lab, and the lab none to the world
            assertThat(a.exec("ip", "route").stdout()).doesNotContain("default");
            assertThat(a.exec("ip", "-o", "link").stdout()).doesNotContain("eth0");
        }
    }

    @Test
    void closeLeavesNoNamespaceBehindAndKillsProcesses() {
        NetnsLab lab = NetnsLab.create();
        SeedTopology seed;
        LabProcess sleeper;
        long straggler;
        try (lab) {
            seed = lab.seedTopology();
            assertThat(NetnsLab.listNamespaces()).filteredOn(n -> n.startsWith(lab.prefix() + "-")).hasSize(6);
            assertThat(seed.client().netns().exec("ping", "-c", "1", "-W", "2", "192.0.2.5").succeeded()).isTrue();
            assertThat(seed.lb1().netns().exec("ping", "-6", "-c", "1", "-W", "2", "2001:db8::6").succeeded()).isTrue();
            assertThat(seed.lb2().netns().exec("ip", "link", "show", "eth1").stdout()).contains("02:00:5e:c0:02:03");
            assertThat(seed.lb1().netns().hasAddress("eth1", "192.0.2.2")).isTrue();

            sleeper = seed.rs1().netns().start("sleep", "600");
            // a process the lab did not start itself (a daemon's double fork): found by ip netns pids
            seed.rs2().netns().exec("sh", "-c", "setsid sleep 600 >/dev/null 2>&1 < /dev/null &").orThrow("fork");
            List<Long> pids = seed.rs2().netns().pids();
            assertThat(pids).hasSize(1);
            straggler = pids.get(0);
            assertThat(sleeper.isAlive()).isTrue();
            assertThat(seed.rs1().netns().pids()).containsExactly(sleeper.pid());
        }
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(ProcessHandle.of(straggler).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(NetnsLab.listNamespaces()).noneMatch(n -> n.startsWith(lab.prefix() + "-"));
        assertThat(lab.workDir()).doesNotExist();
        lab.close(); // idempotent
    }

    @Test
    void cleanupHappensEvenWhenTheTestBodyThrows() {
        NetnsLab[] holder = new NetnsLab[1];
        assertThatThrownBy(() -> {
            try (NetnsLab lab = NetnsLab.create()) {
                holder[0] = lab;
                lab.addNamespace("x").start("sleep", "600");
                throw new IllegalStateException("test failed");
            }
        }).hasMessage("test failed");
        assertThat(NetnsLab.listNamespaces()).noneMatch(n -> n.startsWith(holder[0].prefix() + "-"));
    }

    @Test
    void processStopAndKillReportHowTheyEnded() {
        try (NetnsLab lab = NetnsLab.create()) {
            Netns ns = lab.addNamespace("p");
            LabProcess term = ns.start("sleep", "600");
            assertThat(term.stop(Duration.ofSeconds(2))).isEqualTo(143);
            // a process that ignores SIGTERM gets SIGKILL after the grace time
            LabProcess stubborn = ns.start("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 0.1; done");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!stubborn.stdout().contains("ready") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(stubborn.stop(Duration.ofMillis(300))).isEqualTo(137);
            LabProcess killed = ns.start("sleep", "600");
            assertThat(killed.kill()).isEqualTo(137);
            assertThat(ns.exec("sh", "-c", "echo out; echo err >&2; exit 3"))
                    .isEqualTo(new ProcessResult(3, "out\n", "err\n"));
            assertThatThrownBy(() -> ns.exec(Duration.ofMillis(300), List.of("sleep", "30")))
                    .isInstanceOf(CommandTimeoutException.class).hasMessageContaining("sleep 30");
        }
    }

    @Test
    void sysctlsAreWrittenInsideTheNamespaceOnly() {
        try (NetnsLab lab = NetnsLab.create()) {
            Netns ns = lab.addNamespace("s");
            assertThat(ns.sysctl("net.ipv6.conf.all.accept_dad")).isEqualTo("0");
            ns.sysctl("net.ipv4.conf.all.arp_ignore", "1");
            assertThat(ns.sysctl("net.ipv4.conf.all.arp_ignore")).isEqualTo("1");
            assertThat(Commands.run(List.of("cat", "/proc/sys/net/ipv4/conf/all/arp_ignore"), Duration.ofSeconds(5))
                    .stdout().strip()).isEqualTo("0");
            assertThatThrownBy(() -> ns.addAddress("lo", "10.1.2.3/8")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
