package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TierGateExtensionTest {

    private static TierGateExtension gate(TierVerdict v) {
        return new TierGateExtension(() -> v) {
        };
    }

    @Test
    void runPasses() {
        assertThatCode(() -> gate(new TierVerdict.Run()).beforeAll(null)).doesNotThrowAnyException();
    }

    @Test
    void skipAbortsWithTheMessage() {
        assertThatThrownBy(() -> gate(new TierVerdict.Skip("no ip")).beforeAll(null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no ip");
        assertThatThrownBy(() -> gate(new TierVerdict.Skip("no ip")).beforeEach(null))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void skipDisablesSoSurefireListsEachTestAsSkipped() {
        assertThat(gate(new TierVerdict.Skip("no ip")).evaluateExecutionCondition(null).isDisabled()).isTrue();
        assertThat(gate(new TierVerdict.Skip("no ip")).evaluateExecutionCondition(null).getReason()).contains("no ip");
        assertThat(gate(new TierVerdict.Fail("no ip")).evaluateExecutionCondition(null).isDisabled()).isFalse();
        assertThat(gate(new TierVerdict.Run()).evaluateExecutionCondition(null).isDisabled()).isFalse();
    }

    @Test
    void failFailsWithTheMessage() {
        assertThatThrownBy(() -> gate(new TierVerdict.Fail("no qemu")).beforeAll(null))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("no qemu");
    }

    @Test
    void annotationsCarryTagAndGate() {
        assertThat(NetnsTest.class.getAnnotation(Tag.class).value()).isEqualTo(Tier.NETNS.tag());
        assertThat(NetnsTest.class.getAnnotation(ExtendWith.class).value()).containsExactly(NetnsTierExtension.class);
        assertThat(KernelVmTest.class.getAnnotation(Tag.class).value()).isEqualTo(Tier.KERNEL_VM.tag());
        assertThat(KernelVmTest.class.getAnnotation(ExtendWith.class).value()).containsExactly(KernelVmTierExtension.class);
    }

    @Test
    void everyVerdictKindIsHandled() {
        // enforce() ends in AssertionError for an unknown kind: keep the permitted list in step
        assertThat(Arrays.asList(TierVerdict.class.getPermittedSubclasses()))
                .containsExactlyInAnyOrder(TierVerdict.Run.class, TierVerdict.Skip.class, TierVerdict.Fail.class);
    }

    @Test
    void localProbeReadsTheRealUid() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        long expected = Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
        assertThat(new LocalHostProbe().effectiveUid()).isEqualTo(expected);
        assertThat(LocalHostProbe.findExecutable("sh", "/nonexistent")).isEmpty();
        assertThat(LocalHostProbe.findExecutable("sh", "/bin:/usr/bin")).isPresent();
        assertThat(LocalHostProbe.findExecutable("/bin/sh", "")).contains(Path.of("/bin/sh"));
        assertThat(List.of(Tier.values())).extracting(Tier::tag).containsExactly("netns", "kernel-vm");
    }
}
