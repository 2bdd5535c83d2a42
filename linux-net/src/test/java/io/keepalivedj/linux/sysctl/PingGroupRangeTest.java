package io.keepalivedj.linux.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PingGroupRangeTest {

  @Test
  void parsesWhatTheKernelWrites() {
    // proc_do_gid_range prints the two gids separated by a tab.
    assertThat(PingGroupRange.parse("1\t0\n")).isEqualTo(new PingGroupRange(1, 0));
    assertThat(PingGroupRange.parse("0 2147483647")).isEqualTo(new PingGroupRange(0, 2147483647));
    assertThat(new PingGroupRange(100, 200).toString()).isEqualTo("100 200");
    assertThatThrownBy(() -> PingGroupRange.parse("5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PingGroupRange.parse("a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PingGroupRange(0, 4294967295L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void widensJustEnoughToIncludeTheGroup() {
    PingGroupRange closed = PingGroupRange.parse("1 0");
    assertThat(closed.isEmpty()).isTrue();
    assertThat(closed.contains(0)).isFalse();
    assertThat(closed.including(0)).contains(new PingGroupRange(0, 0));
    // Groups allowed before stay allowed.
    assertThat(new PingGroupRange(100, 200).including(0)).contains(new PingGroupRange(0, 200));
    assertThat(new PingGroupRange(100, 200).including(300)).contains(new PingGroupRange(100, 300));
    assertThat(new PingGroupRange(0, 2147483647).including(0)).isEmpty();
  }
}
