package io.keepalivedj.config;

import io.keepalivedj.config.model.BfdInstance;
import io.keepalivedj.config.model.GarpGroup;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.SslConfig;
import io.keepalivedj.config.model.TrackFile;
import io.keepalivedj.config.model.TrackGroup;
import io.keepalivedj.config.model.TrackProcess;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VirtualRoute;
import io.keepalivedj.config.model.VirtualRule;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerGroup;
import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpScript;
import io.keepalivedj.config.model.VrrpSyncGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * Builds the model in code, for embedders with no file. Each element validates itself as it is
   * built ({@code VrrpInstance.builder(...)}, {@code VirtualServer.builder(...)}); the lists keep the
   * order they are added in, as a file would.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the elements of a configuration; {@link #build()} checks names are unique. */
  public static final class Builder {
    private GlobalDefs globalDefs = GlobalDefs.defaults();
    private final List<VrrpScript> vrrpScripts = new ArrayList<>();
    private final List<TrackProcess> trackProcesses = new ArrayList<>();
    private final List<TrackFile> trackFiles = new ArrayList<>();
    private final List<BfdInstance> bfdInstances = new ArrayList<>();
    private final List<VrrpSyncGroup> syncGroups = new ArrayList<>();
    private final List<VrrpInstance> instances = new ArrayList<>();
    private final List<VirtualIpAddress> staticAddresses = new ArrayList<>();
    private final List<VirtualRoute> staticRoutes = new ArrayList<>();
    private final List<VirtualRule> staticRules = new ArrayList<>();
    private final List<TrackGroup> trackGroups = new ArrayList<>();
    private final List<GarpGroup> garpGroups = new ArrayList<>();
    private Optional<SslConfig> ssl = Optional.empty();
    private final List<VirtualServerGroup> virtualServerGroups = new ArrayList<>();
    private final List<VirtualServer> virtualServers = new ArrayList<>();

    private Builder() {}

    public Builder globalDefs(GlobalDefs v) {
      globalDefs = Objects.requireNonNull(v);
      return this;
    }

    public Builder vrrpScript(VrrpScript v) {
      vrrpScripts.add(v);
      return this;
    }

    public Builder vrrpTrackProcess(TrackProcess v) {
      trackProcesses.add(v);
      return this;
    }

    public Builder trackFile(TrackFile v) {
      trackFiles.add(v);
      return this;
    }

    public Builder bfdInstance(BfdInstance v) {
      bfdInstances.add(v);
      return this;
    }

    public Builder vrrpSyncGroup(VrrpSyncGroup v) {
      syncGroups.add(v);
      return this;
    }

    public Builder vrrpInstance(VrrpInstance v) {
      instances.add(v);
      return this;
    }

    public Builder staticIpaddress(VirtualIpAddress v) {
      staticAddresses.add(v);
      return this;
    }

    public Builder staticRoute(VirtualRoute v) {
      staticRoutes.add(v);
      return this;
    }

    public Builder staticRule(VirtualRule v) {
      staticRules.add(v);
      return this;
    }

    public Builder trackGroup(TrackGroup v) {
      trackGroups.add(v);
      return this;
    }

    public Builder garpGroup(GarpGroup v) {
      garpGroups.add(v);
      return this;
    }

    public Builder ssl(SslConfig v) {
      ssl = Optional.of(v);
      return this;
    }

    public Builder virtualServerGroup(VirtualServerGroup v) {
      virtualServerGroups.add(v);
      return this;
    }

    public Builder virtualServer(VirtualServer v) {
      virtualServers.add(v);
      return this;
    }

    public KeepalivedConfig build() {
      VrrpConfig vrrp = new VrrpConfig(vrrpScripts, trackProcesses, trackFiles, bfdInstances, syncGroups, instances,
          staticAddresses, staticRoutes, staticRules, trackGroups, garpGroups, List.of(), List.of());
      return new KeepalivedConfig(globalDefs, vrrp, new LvsConfig(ssl, virtualServerGroups, virtualServers));
    }
  }
}
