package io.keepalivedj.config;

import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.VrrpConfig;
import java.util.Objects;

/**
 * A whole keepalived.conf as an immutable typed model, after includes, conditionals and
 * expansions, with keepalived's defaults filled in.
 *
 * @param globalDefs {@code global_defs} and the top-level process settings ({@code net_namespace},
 *     {@code instance}, ...)
 * @param vrrp everything the VRRP side reads: scripts and trackers, sync groups, instances, static
 *     addresses, routes and rules, BFD instances
 * @param lvs everything the checker side reads: {@code SSL}, virtual server groups, virtual servers
 *     with their real servers and checkers
 */
public record KeepalivedConfig(GlobalDefs globalDefs, VrrpConfig vrrp, LvsConfig lvs) {
  public KeepalivedConfig {
    Objects.requireNonNull(globalDefs, "globalDefs");
    Objects.requireNonNull(vrrp, "vrrp");
    Objects.requireNonNull(lvs, "lvs");
  }

  /** An empty configuration: keepalived's defaults and nothing configured. */
  public static KeepalivedConfig empty() {
    return new KeepalivedConfig(GlobalDefs.defaults(), VrrpConfig.empty(), LvsConfig.empty());
  }
}
