package io.keepalivedj.config.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The LVS (checker) side of a configuration: what keepalived's checker process reads.
 *
 * @param ssl the top-level {@code SSL} block, if any
 * @param virtualServerGroups every {@code virtual_server_group}, in file order
 * @param virtualServers every {@code virtual_server} that keepalived would run, in file order
 *     (one with no real servers, or naming an unknown group, is left out as keepalived leaves it
 *     out, after a diagnostic)
 */
public record LvsConfig(
    Optional<SslConfig> ssl,
    List<VirtualServerGroup> virtualServerGroups,
    List<VirtualServer> virtualServers) {

  public LvsConfig {
    Objects.requireNonNull(ssl, "ssl");
    virtualServerGroups = List.copyOf(virtualServerGroups);
    virtualServers = List.copyOf(virtualServers);
  }

  public static LvsConfig empty() {
    return new LvsConfig(Optional.empty(), List.of(), List.of());
  }

  /** The group called {@code name}, the first one when the name is defined twice (as keepalived). */
  public Optional<VirtualServerGroup> virtualServerGroup(String name) {
    return virtualServerGroups.stream().filter(g -> g.name().equals(name)).findFirst();
  }
}
