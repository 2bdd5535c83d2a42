package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@KernelVmTest
class KernelVmRunnerTest {

    private static KernelVm vm;

    @BeforeAll
    static void boot() {
        vm = KernelVm.create(KernelVm.Options.defaults().withTimeout(Duration.ofMinutes(3)));
    }

    @AfterAll
    static void close() {
        if (vm != null) {
            vm.close();
        }
    }

    /** qemu processes that are ours: their command line names this runner. */
    private static List<ProcessHandle> ourQemus() {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains("keepalivedj-kernel-vm"))
                .toList();
    }

    @Test
    void ipvsLoadsInTheGuest() {
        ProcessResult r = vm.run("bash", "-c", "modprobe ip_vs && cat /proc/net/ip_vs && uname -r");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("IP Virtual Server version", vm.kernel().version());
        // and the host's kernel is not the guest's
        assertThat(vm.kernel().version()).isNotEqualTo(System.getProperty("os.version"));
    }

    @Test
    void javaRunsInTheGuest() {
        ProcessResult r = vm.run("java", "-version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("version \"" + Runtime.version().feature());
    }

    @Test
    void aFailingCommandsStatusAndOutputComeBack() {
        ProcessResult r = vm.run("bash", "-c", "echo to-out; echo to-err >&2; exit 42");
        assertThat(r).isEqualTo(new ProcessResult(42, "to-out\n", "to-err\n"));
        assertThat(vm.run("no-such-command-kj").exitCode()).isEqualTo(127);
    }

    @Test
    void writesToTheRootVanishAndTheHostIsUntouched() {
        ProcessResult r = vm.run("bash", "-c", "echo x > /etc/kj-guest-only && cat /etc/kj-guest-only");
        assertThat(r.stdout()).isEqualTo("x\n");
        assertThat(java.nio.file.Path.of("/etc/kj-guest-only")).doesNotExist();
    }

    @Test
    void aTimeoutFailsAndLeavesNoQemuBehind() {
        long before = ourQemus().size();
        try (KernelVm slow = KernelVm.create(KernelVm.Options.defaults().withTimeout(Duration.ofSeconds(8)))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> slow.run("bash", "-c", "echo started; sleep 600"))
                    .isInstanceOf(KernelVmTimeoutException.class)
                    .hasMessageContaining("timed out after 8000 ms")
                    .satisfies(e -> assertThat(((KernelVmTimeoutException) e).stdout()).isEqualTo("started\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(ourQemus()).hasSize((int) before);
    }
}
