package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.tree.ConfigNode;

/** SCAFFOLD: replaced by the real binder. */
final class GlobalBinder {
  private GlobalBinder() {}

  static boolean handles(String topLevelKeyword) {
    return topLevelKeyword.equals("global_defs");
  }

  static GlobalDefs bind(java.util.List<ConfigNode> roots, BindContext ctx) {
    return GlobalDefs.defaults();
  }
}
