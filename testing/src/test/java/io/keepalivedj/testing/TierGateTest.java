package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierGateTest {

    private static final List<Prerequisite> MISSING_ROOT_AND_IP = List.of(
            Prerequisite.missing("root (effective uid 0)", "run as root", "running as uid 1000"),
            Prerequisite.missing("ip on PATH", "apt-get install iproute2", "not found"),
            Prerequisite.met("ping on PATH", "apt-get install iputils-ping"));

    @Test
    void allMetRuns() {
        assertThat(TierGate.decide(Tier.NETNS, List.of(Prerequisite.met("ip on PATH", "x")), Map.of("CI", "true")))
                .isEqualTo(new TierVerdict.Run());
    }

    @Test
    void missingOutsideCiSkipsNamingEachMissingThingAndItsRemedy() {
        TierVerdict v = TierGate.decide(Tier.NETNS, MISSING_ROOT_AND_IP, Map.of());
        assertThat(v).isInstanceOf(TierVerdict.Skip.class);
        String m = ((TierVerdict.Skip) v).message();
        assertThat(m).contains("'netns'", "root (effective uid 0)", "running as uid 1000", "run as root",
                "ip on PATH", "apt-get install iproute2");
        assertThat(m).doesNotContain("ping");
    }

    @Test
    void missingInCiFailsWithTheSameList() {
        TierVerdict v = TierGate.decide(Tier.KERNEL_VM, MISSING_ROOT_AND_IP, Map.of("CI", "true"));
        assertThat(v).isInstanceOf(TierVerdict.Fail.class);
        assertThat(((TierVerdict.Fail) v).message()).contains("'kernel-vm'", "CI=true", "apt-get install iproute2");
    }

    @Test
    void onlyCiTrueMeansCi() {
        assertThat(TierGate.isCi(Map.of("CI", "TRUE"))).isTrue();
        assertThat(TierGate.isCi(Map.of("CI", "false"))).isFalse();
        assertThat(TierGate.isCi(Map.of("CI", "1"))).isFalse();
        assertThat(TierGate.isCi(Map.of())).isFalse();
        assertThat(TierGate.decide(Tier.NETNS, MISSING_ROOT_AND_IP, Map.of("CI", "false")))
                .isInstanceOf(TierVerdict.Skip.class);
    }

    @Test
    void prerequisiteValidates() {
        assertThatThrownBy(() -> Prerequisite.met(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prerequisite("a", "b", true, null)).isInstanceOf(NullPointerException.class);
    }
}
