package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierPrerequisitesTest {

    private static List<String> missing(List<Prerequisite> ps) {
        return ps.stream().filter(p -> !p.met()).map(Prerequisite::what).toList();
    }

    @Test
    void completeHostMeetsBothTiers() {
        FakeHostProbe host = FakeHostProbe.complete();
        assertThat(missing(TierPrerequisites.netns(host))).isEmpty();
        assertThat(missing(TierPrerequisites.kernelVm(host))).isEmpty();
    }

    @Test
    void nonRootWithoutIproute2SkipsNetnsNamingBoth() {
        FakeHostProbe host = FakeHostProbe.complete();
        host.uid = 1000;
        host.commands.remove("ip");
        host.writableDirs.clear();
        List<Prerequisite> ps = TierPrerequisites.netns(host);
        assertThat(missing(ps)).containsExactly("root (effective uid 0)", "ip on PATH", "/var/run/netns creatable");
        TierVerdict v = TierGate.decide(Tier.NETNS, ps, host.env());
        assertThat(((TierVerdict.Skip) v).message()).contains("running as uid 1000", "apt-get install iproute2");
        host.env.put("CI", "true");
        assertThat(TierGate.decide(Tier.NETNS, ps, host.env())).isInstanceOf(TierVerdict.Fail.class);
    }

    @Test
    void existingWritableNetnsDirIsEnough() {
        FakeHostProbe host = FakeHostProbe.complete();
        host.writableDirs.clear();
        host.writableDirs.add(Path.of("/var/run/netns"));
        assertThat(missing(TierPrerequisites.netns(host))).isEmpty();
    }

    @Test
    void kernelWithoutIpvsOrUnreadableImageIsMissing() {
        FakeHostProbe host = FakeHostProbe.complete();
        host.dirs.clear();
        host.readable.clear();
        host.readable.add(Path.of("/bin/bash"));
        host.addKernel("6.1.0-50-amd64", false, true);   // 0600 image, non-root caller
        host.addKernel("6.18.0-cloud", true, false);     // readable but no IPVS
        List<Prerequisite> ps = TierPrerequisites.kernelVm(host);
        assertThat(missing(ps)).containsExactly("a readable /boot/vmlinuz-* whose /lib/modules/<version> has ip_vs.ko");
        assertThat(TierGate.decide(Tier.KERNEL_VM, ps, Map.of()).toString())
                .contains("linux-image-amd64", "vmlinuz-6.1.0-50-amd64");
    }

    @Test
    void missingQemuAndBusyboxNameTheirPackages() {
        FakeHostProbe host = FakeHostProbe.complete();
        host.commands.removeAll(List.of("qemu-system-x86_64", "busybox"));
        TierVerdict v = TierGate.decide(Tier.KERNEL_VM, TierPrerequisites.kernelVm(host), host.env());
        assertThat(v.toString()).contains("qemu-system-x86_64 on PATH", "apt-get install qemu-system-x86",
                "busybox on PATH", "busybox-static");
    }

    @Test
    void newestKernelWithIpvsWins() {
        FakeHostProbe host = FakeHostProbe.complete();
        host.addKernel("6.1.0-9-amd64", true, true);
        host.addKernel("6.1.0-100-amd64", true, false);
        assertThat(GuestKernel.find(host)).map(GuestKernel::version).contains("6.1.0-50-amd64");
    }
}
