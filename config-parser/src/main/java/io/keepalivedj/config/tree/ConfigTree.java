package io.keepalivedj.config.tree;

import java.util.List;
import java.util.stream.Stream;

/**
 * A whole configuration as a generic block tree: the top-level lines, after includes, conditionals
 * and expansions, each with the file and line it came from.
 */
public record ConfigTree(List<ConfigNode> roots) {
  public ConfigTree {
    roots = List.copyOf(roots);
  }

  /** Every node, depth first, in file order. */
  public Stream<ConfigNode> walk() {
    return roots.stream().flatMap(ConfigTree::walk);
  }

  private static Stream<ConfigNode> walk(ConfigNode node) {
    return Stream.concat(Stream.of(node), node.children().stream().flatMap(ConfigTree::walk));
  }
}
