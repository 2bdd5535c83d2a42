package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.tree.ConfigNode;

/** SCAFFOLD: replaced by the real binder. */
final class VrrpBinder {
  private VrrpBinder() {}

  static boolean handles(String topLevelKeyword) {
    return topLevelKeyword.equals("vrrp_instance");
  }

  static VrrpConfig bind(java.util.List<ConfigNode> roots, io.keepalivedj.config.model.GlobalDefs global, BindContext ctx) {
    return VrrpConfig.empty();
  }
}
