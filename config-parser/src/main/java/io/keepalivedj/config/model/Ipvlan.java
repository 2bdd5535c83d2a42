package io.keepalivedj.config.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code use_ipvlan [NAME] [ADDRESS/PREFIX] [bridge|private|vepa]}: the instance runs on an
 * ipvlan interface instead of a macvlan.
 *
 * @param name the ipvlan's name; empty: {@code vrrp.VRID}
 * @param address the address to put on it
 * @param mode {@code bridge}, {@code private} or {@code vepa}; empty: bridge
 */
public record Ipvlan(Optional<String> name, Optional<IpPrefix> address, Optional<String> mode) {
  public Ipvlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(mode, "mode");
    name.ifPresent(InterfaceNames::check);
    mode.ifPresent(m -> {
      if (!m.equals("bridge") && !m.equals("private") && !m.equals("vepa")) {
        throw new IllegalArgumentException("ipvlan mode must be bridge, private or vepa: " + m);
      }
    });
  }
}
