package io.keepalivedj.config.bind;

import io.keepalivedj.config.KeepalivedConfig;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.ConfigTree;

/**
 * Binds a block tree to the typed model. Each side binds the top-level blocks it owns; a
 * top-level keyword nobody owns is reported as unknown and kept in the tree. The LVS side binds
 * last because its checkers refer to VRRP-side objects ({@code track_file}, {@code bfd_instance}).
 */
public final class ConfigBinder {
  private ConfigBinder() {}

  public static KeepalivedConfig bind(ConfigTree tree, BindContext ctx) {
    for (ConfigNode root : tree.roots()) {
      String k = root.name();
      if (!GlobalBinder.handles(k) && !VrrpBinder.handles(k) && !LvsBinder.handles(k)) {
        ctx.unknownKeyword(root, "top level");
      }
    }
    GlobalDefs global = GlobalBinder.bind(tree.roots(), ctx);
    VrrpConfig vrrp = VrrpBinder.bind(tree.roots(), global, ctx);
    LvsConfig lvs = LvsBinder.bind(tree.roots(), global, vrrp, ctx);
    return new KeepalivedConfig(global, vrrp, lvs);
  }
}
