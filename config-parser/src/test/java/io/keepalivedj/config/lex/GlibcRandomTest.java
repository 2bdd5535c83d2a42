package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlibcRandomTest {
  // Vectors from glibc 2.36: python3 -c "import ctypes; l=ctypes.CDLL('libc.so.6');
  // l.srandom(ctypes.c_uint(S)); print([l.random() for _ in range(5)])"

  private static long[] first5(long seed) {
    GlibcRandom random = new GlibcRandom(seed);
    long[] out = new long[5];
    for (int i = 0; i < 5; i++) {
      out[i] = random.next();
    }
    return out;
  }

  @Test
  void seedOne() {
    assertThat(first5(1)).containsExactly(1804289383, 846930886, 1681692777, 1714636915, 1957747793);
  }

  @Test
  void seedZeroIsSeedOne() {
    assertThat(first5(0)).containsExactly(first5(1));
  }

  @Test
  void seedFive() {
    assertThat(first5(5)).containsExactly(590011675, 99788765, 2131925610, 171864072, 317159276);
  }

  @Test
  void largeSeeds() {
    assertThat(first5(123456789)).containsExactly(1965102536, 1639725855, 706684578, 1926601937, 71238646);
    assertThat(first5(4294967295L)).containsExactly(254925627, 1205188300, 366127624, 1401405153, 76053476);
  }
}
