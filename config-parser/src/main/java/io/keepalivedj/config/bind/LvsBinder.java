package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.tree.ConfigNode;

/** SCAFFOLD: replaced by the real binder. */
final class LvsBinder {
  private LvsBinder() {}

  static boolean handles(String topLevelKeyword) {
    return topLevelKeyword.equals("virtual_server");
  }

  static LvsConfig bind(java.util.List<ConfigNode> roots, io.keepalivedj.config.model.GlobalDefs global, io.keepalivedj.config.model.VrrpConfig vrrp, BindContext ctx) {
    return LvsConfig.empty();
  }
}
