package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.testing.KeepalivedPeer.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@NetnsTest
class KeepalivedPeerTest {

    /** The netns-lab failover baseline: VRRPv2, advert 1 s, VIP 192.0.2.1 on eth1. */
    static String config(int priority) {
        return """
                global_defs {
                  vrrp_version 2
                }
                vrrp_instance VI {
                  state BACKUP
                  interface eth1
                  virtual_router_id 200
                  priority %d
                  advert_int 1
                  authentication {
                    auth_type PASS
                    auth_pass XXXXXX
                  }
                  virtual_ipaddress {
                    192.0.2.1/24 dev eth1
                  }
                }
                """.formatted(priority);
    }

    @Test
    void configTestAcceptsAValidConfigAndNamesErrors() throws Exception {
        try (NetnsLab lab = NetnsLab.create()) {
            SeedTopology seed = lab.seedTopology();
            Path good = lab.workDir().resolve("good.conf");
            Files.writeString(good, config(101));
            ProcessResult ok = KeepalivedPeer.configTest(seed.lb1().netns(), good);
            assertThat(ok.exitCode()).as(ok.toString()).isZero();

            Path bad = lab.workDir().resolve("bad.conf");
            Files.writeString(bad, config(101).replace("virtual_router_id 200", "virtual_router_id 300\n  bogus_kw 1"));
            ProcessResult ko = KeepalivedPeer.configTest(seed.lb1().netns(), bad);
            assertThat(ko.exitCode()).isNotZero();
            assertThat(ko.stderr()).contains("bad.conf: Line 8", "Unknown keyword 'bogus_kw'", "VRID '300' not valid");

            // eth1 exists in the lab, not in the bridge namespace: the namespace matters
            assertThat(KeepalivedPeer.configTest(seed.bridge().netns(), good).exitCode()).isNotZero();
        }
    }

    @Test
    void higherPriorityPeerBecomesMasterAndTheOtherTakesOverAfterACrash() {
        try (NetnsLab lab = NetnsLab.create()) {
            SeedTopology seed = lab.seedTopology();
            KeepalivedPeer lb1 = KeepalivedPeer.start(seed.lb1().netns(), config(101));
            lb1.awaitState(State.MASTER, Duration.ofSeconds(15));
            // lb2 joins an elected master, as measure-failover does: started together, lb2 can time
            // out first, go MASTER and back to BACKUP, and keepalived runs notify scripts
            // asynchronously, so those two reports may arrive in either order (keepalived #996).
            KeepalivedPeer lb2 = KeepalivedPeer.start(seed.lb2().netns(), config(100));
            lb2.awaitState("VI", State.BACKUP, Duration.ofSeconds(15));
            assertThat(seed.lb1().netns().hasAddress("eth1", "192.0.2.1")).isTrue();
            assertThat(seed.client().netns().exec("ping", "-c", "1", "-W", "2", "192.0.2.1").succeeded()).isTrue();
            long vrrpChild = lb1.vrrpPid().orElseThrow();

            assertThat(lb1.kill()).isEqualTo(137);
            assertThat(ProcessHandle.of(vrrpChild).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            // a crash: lb1 keeps the VIP (nobody removed it) and never reported anything after MASTER
            assertThat(seed.lb1().netns().hasAddress("eth1", "192.0.2.1")).isTrue();
            assertThat(lb1.state()).contains(State.MASTER);
            lb2.awaitState(State.MASTER, Duration.ofSeconds(10));
            assertThat(seed.lb2().netns().hasAddress("eth1", "192.0.2.1")).isTrue();

            // graceful stop: VIP removed, STOP reported... then nothing left in the namespace
            lb2.stop();
            assertThat(lb2.isAlive()).isFalse();
            assertThat(seed.lb2().netns().hasAddress("eth1", "192.0.2.1")).isFalse();
            assertThat(seed.lb2().netns().pids()).isEmpty();
            assertThat(lb2.log()).contains("Entering MASTER STATE");
        }
    }

    @Test
    void notifyIsInjectedIntoEveryInstance() {
        String two = config(100) + config(100).replace("global_defs {\n  vrrp_version 2\n}\n", "")
                .replace("vrrp_instance VI {", "vrrp_instance VI_2 {");
        String out = KeepalivedPeer.withNotify(two, Path.of("/tmp/x/notify.sh"));
        assertThat(out).contains("vrrp_instance VI {\n    notify \"/tmp/x/notify.sh\"",
                "vrrp_instance VI_2 {\n    notify \"/tmp/x/notify.sh\"");
    }
}
