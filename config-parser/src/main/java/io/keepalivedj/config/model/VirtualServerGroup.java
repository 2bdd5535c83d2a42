package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * {@code virtual_server_group NAME { ... }}: addresses, ranges and firewall marks that one
 * {@code virtual_server group NAME} serves together.
 *
 * @param name the group's name
 * @param entries its lines, in file order; never empty (keepalived drops an empty group)
 * @param position where the {@code virtual_server_group} keyword is
 */
public record VirtualServerGroup(String name, List<VirtualServerGroupEntry> entries, SourcePosition position) {

  public VirtualServerGroup {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a virtual_server_group needs a name");
    }
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("virtual_server_group " + name + " has no entries");
    }
    Objects.requireNonNull(position, "position");
    boolean v4 = false;
    boolean v6 = false;
    boolean markWithoutFamily = false;
    for (VirtualServerGroupEntry e : entries) {
      if (e instanceof VirtualServerGroupEntry.AddressRange) {
        boolean isV4 = ((VirtualServerGroupEntry.AddressRange) e).family() == LvsIpFamily.INET;
        v4 |= isV4;
        v6 |= !isV4;
      } else if (e instanceof VirtualServerGroupEntry.Fwmark) {
        VirtualServerGroupEntry.Fwmark f = (VirtualServerGroupEntry.Fwmark) e;
        v4 |= f.family().orElse(null) == LvsIpFamily.INET;
        v6 |= f.family().orElse(null) == LvsIpFamily.INET6;
        markWithoutFamily |= f.family().isEmpty();
      } else {
        throw new AssertionError(e);
      }
    }
    if (v4 && v6 && markWithoutFamily) {
      throw new IllegalArgumentException("virtual_server_group " + name
          + " cannot have IPv4, IPv6 and a fwmark without family");
    }
  }

  public boolean hasAddresses() {
    return entries.stream().anyMatch(e -> e instanceof VirtualServerGroupEntry.AddressRange);
  }

  public boolean hasFwmarks() {
    return entries.stream().anyMatch(e -> e instanceof VirtualServerGroupEntry.Fwmark);
  }
}
