package io.keepalivedj.config.lex;

/**
 * The generator behind glibc's {@code srandom()}/{@code random()} (the default TYPE_3 additive
 * feedback generator, as described by Peter Selinger, "The GLIBC pseudo-random number generator",
 * 2007), which keepalived uses for {@code ${_RANDOM}}. Same seed, same numbers as keepalived on
 * glibc, so a seeded configuration expands the same way in both.
 */
final class GlibcRandom {
  private static final int DEGREE = 31;
  private static final int SEPARATION = 3;
  /** glibc discards the first 310 outputs after seeding. */
  private static final int DISCARD = 310;

  private final int[] ring = new int[DEGREE];
  private int front;
  private int rear;

  /** {@code srandom(seed)}: the seed is an unsigned int; 0 counts as 1 as in glibc. */
  GlibcRandom(long seed) {
    long word = (int) seed;
    if (word == 0) {
      word = 1;
    }
    ring[0] = (int) word;
    for (int i = 1; i < DEGREE; i++) {
      // 16807 * word % 2147483647 by Schrage's method, on the seed as a signed 32-bit value
      // (glibc's int32_t word).
      long hi = word / 127773;
      long lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) {
        word += 2147483647;
      }
      ring[i] = (int) word;
    }
    front = SEPARATION;
    rear = 0;
    for (int i = 0; i < DISCARD; i++) {
      next();
    }
  }

  /** {@code random()}: a value in [0, 2^31). */
  long next() {
    ring[front] += ring[rear];
    long result = (ring[front] >>> 1) & 0x7fffffffL;
    front = (front + 1) % DEGREE;
    rear = (rear + 1) % DEGREE;
    return result;
  }
}
