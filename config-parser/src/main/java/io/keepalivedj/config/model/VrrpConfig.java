package io.keepalivedj.config.model;

import java.util.List;
import java.util.Optional;

/**
 * The VRRP side of a configuration, in file order within each kind.
 *
 * @param vrrpScripts {@code vrrp_script} blocks
 * @param vrrpTrackProcesses {@code vrrp_track_process} blocks
 * @param trackFiles {@code track_file} / {@code vrrp_track_file} blocks (FILE_CHECK uses them too)
 * @param bfdInstances {@code bfd_instance} blocks (BFD_CHECK uses them too)
 * @param vrrpSyncGroups {@code vrrp_sync_group} blocks
 * @param vrrpInstances {@code vrrp_instance} blocks
 * @param staticIpaddress {@code static_ipaddress} lines
 * @param staticRoutes {@code static_routes} lines
 * @param staticRules {@code static_rules} lines
 * @param trackGroups {@code track_group} blocks
 * @param garpGroups {@code garp_group} blocks
 * @param linkbeatInterfaces {@code linkbeat_interfaces} lines
 * @param interfaceUpDownDelays {@code interface_up_down_delays} lines
 */
public record VrrpConfig(
    List<VrrpScript> vrrpScripts,
    List<TrackProcess> vrrpTrackProcesses,
    List<TrackFile> trackFiles,
    List<BfdInstance> bfdInstances,
    List<VrrpSyncGroup> vrrpSyncGroups,
    List<VrrpInstance> vrrpInstances,
    List<VirtualIpAddress> staticIpaddress,
    List<VirtualRoute> staticRoutes,
    List<VirtualRule> staticRules,
    List<TrackGroup> trackGroups,
    List<GarpGroup> garpGroups,
    List<LinkbeatInterface> linkbeatInterfaces,
    List<InterfaceUpDownDelay> interfaceUpDownDelays) {

  public VrrpConfig {
    vrrpScripts = List.copyOf(vrrpScripts);
    vrrpTrackProcesses = List.copyOf(vrrpTrackProcesses);
    trackFiles = List.copyOf(trackFiles);
    bfdInstances = List.copyOf(bfdInstances);
    vrrpSyncGroups = List.copyOf(vrrpSyncGroups);
    vrrpInstances = List.copyOf(vrrpInstances);
    staticIpaddress = List.copyOf(staticIpaddress);
    staticRoutes = List.copyOf(staticRoutes);
    staticRules = List.copyOf(staticRules);
    trackGroups = List.copyOf(trackGroups);
    garpGroups = List.copyOf(garpGroups);
    linkbeatInterfaces = List.copyOf(linkbeatInterfaces);
    interfaceUpDownDelays = List.copyOf(interfaceUpDownDelays);
    unique("vrrp_instance", vrrpInstances.stream().map(VrrpInstance::name).toList());
    unique("vrrp_sync_group", vrrpSyncGroups.stream().map(VrrpSyncGroup::name).toList());
    unique("bfd_instance", bfdInstances.stream().map(BfdInstance::name).toList());
  }

  private static void unique(String what, List<String> names) {
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("duplicate " + what + " name: " + names);
    }
  }

  public static VrrpConfig empty() {
    return new VrrpConfig(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Optional<VrrpInstance> instance(String name) {
    return vrrpInstances.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The first {@code vrrp_script} of that name (the one keepalived uses). */
  public Optional<VrrpScript> script(String name) {
    return vrrpScripts.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<TrackFile> trackFile(String name) {
    return trackFiles.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<BfdInstance> bfdInstance(String name) {
    return bfdInstances.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<VrrpSyncGroup> syncGroup(String name) {
    return vrrpSyncGroups.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
