package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.testing.vmprobe.ExitWith;
import io.keepalivedj.testing.vmprobe.ResolveFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A JVM on the host's classes inside the guest: what the IPVS tests of ipvs-netlink build on. */
@KernelVmTest
class GuestJvmTest {

    /** uapi/linux/ip_vs.h: IPVS_GENL_VERSION. */
    private static final int IPVS_GENL_VERSION = 1;
    private static KernelVm vm;

    @BeforeAll
    static void boot() {
        vm = KernelVm.create(KernelVm.Options.defaults().withTimeout(Duration.ofMinutes(4)));
    }

    @AfterAll
    static void close() {
        if (vm != null) {
            vm.close();
        }
    }

    /** {@code sh -c 'PREFIX && exec "$@"' sh JAVA...}: a shell step, then the JVM as the guest command itself. */
    private static List<String> after(String shell, JavaCommand java) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", shell + " && exec \"$@\"", "sh"));
        argv.addAll(java.argv());
        return argv;
    }

    @Test
    void linuxNetResolvesTheIpvsFamilyInsideTheGuest() {
        // iproute2's genl resolves it too, in the same boot: the id is the kernel's, not a lucky number
        ProcessResult r = vm.run(after("modprobe ip_vs && genl ctrl get name IPVS",
                JavaCommand.forKernelVm(ResolveFamily.class, "IPVS", "kjNoSuchFamily")));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        Matcher genl = Pattern.compile("Name: IPVS\\s+ID: (0x[0-9a-f]+)\\s+Version: (0x[0-9a-f]+)").matcher(r.stdout());
        assertThat(genl.find()).as(r.stdout()).isTrue();
        Matcher ours = Pattern.compile("(?m)^family IPVS id (\\d+) version (\\d+)$").matcher(r.stdout());
        assertThat(ours.find()).as(r.toString()).isTrue();
        int id = Integer.parseInt(ours.group(1));
        System.out.printf("guest kernel %s: IPVS generic netlink family id %d version %s%n",
                vm.kernel().version(), id, ours.group(2));
        assertThat(id).isEqualTo(Integer.decode(genl.group(1)));
        assertThat(Integer.parseInt(ours.group(2))).isEqualTo(IPVS_GENL_VERSION).isEqualTo(Integer.decode(genl.group(2)));
        assertThat(r.stdout()).contains("family kjNoSuchFamily missing: ", "not found");
    }

    @Test
    void theGuestJvmsExitStatusComesBack() {
        ProcessResult r = vm.run(JavaCommand.forKernelVm(ExitWith.class, "3").argv());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("exiting with 3\n");
    }
}
