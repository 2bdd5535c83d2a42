package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.tree.ConfigNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects LVS-side checkers may name that other blocks define: {@code track_file} (for
 * FILE_CHECK) and {@code bfd_instance} (for BFD_CHECK). keepalived's checker process reads both
 * blocks itself and reports a checker naming an undefined one.
 *
 * <p>A name counts as defined when the VRRP-side model has it, or when a top-level block declares
 * it; the second keeps the check honest while the VRRP binder is partial. Once the VRRP side binds
 * every {@code track_file} and {@code bfd_instance} (dropping broken ones, as keepalived does),
 * {@link #trackFileDefined} and {@link #bfdInstanceDefined} should consult {@code vrrp} alone.
 */
final class LvsReferences {
  private final VrrpConfig vrrp;
  private final Set<String> declaredTrackFiles = new HashSet<>();
  private final Set<String> declaredBfdInstances = new HashSet<>();

  LvsReferences(List<ConfigNode> roots, VrrpConfig vrrp) {
    this.vrrp = vrrp;
    for (ConfigNode root : roots) {
      if (root.argCount() == 0) {
        continue;
      }
      switch (root.name()) {
        case "track_file":
        case "vrrp_track_file":
          declaredTrackFiles.add(root.args().get(0).text());
          break;
        case "bfd_instance":
          declaredBfdInstances.add(root.args().get(0).text());
          break;
        default:
          break;
      }
    }
  }

  boolean trackFileDefined(String name) {
    return vrrp.trackFile(name).isPresent() || declaredTrackFiles.contains(name);
  }

  boolean bfdInstanceDefined(String name) {
    return vrrp.bfdInstance(name).isPresent() || declaredBfdInstances.contains(name);
  }
}
