package io.keepalivedj.config.lex;

import java.util.HashMap;
import java.util.Map;

/**
 * One String per distinct short word of a configuration. A large file repeats the same keywords
 * (and often the same addresses) hundreds of thousands of times; sharing them keeps the tree a
 * fraction of its size, which is what the garbage collector pays for while the tree is built.
 */
final class WordCache {
  /** Longer words (scripts, paths) are rarely repeated; they are not worth a lookup. */
  private static final int MAX_LENGTH = 24;
  private static final int MAX_ENTRIES = 1 << 16;

  private final Map<String, String> words = new HashMap<>();

  /** {@code text[from, to)}, shared with earlier equal words. */
  String canonical(String text, int from, int to) {
    String w = text.substring(from, to);
    if (to - from > MAX_LENGTH) {
      return w;
    }
    String seen = words.get(w);
    if (seen != null) {
      return seen;
    }
    if (words.size() < MAX_ENTRIES) {
      words.put(w, w);
    }
    return w;
  }
}
