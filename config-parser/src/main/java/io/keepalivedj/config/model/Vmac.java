package io.keepalivedj.config.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code use_vmac [NAME] [MAC]}: the instance runs on a macvlan with the VRRP virtual MAC
 * (00:00:5e:00:01:VRID for IPv4, 00:00:5e:00:02:VRID for IPv6, RFC 5798 §7.3).
 *
 * @param name the macvlan's name; empty: {@code vrrp.VRID} ({@code vmac_prefix} in
 *     {@code global_defs} changes the prefix)
 * @param address a MAC to use instead of the VRRP one, {@code xx:xx:xx:xx:xx:xx}
 */
public record Vmac(Optional<String> name, Optional<String> address) {
  private static final String MAC = "[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}";

  public Vmac {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    name.ifPresent(InterfaceNames::check);
    address.ifPresent(a -> {
      if (!a.matches(MAC)) {
        throw new IllegalArgumentException("not a MAC address: " + a);
      }
    });
  }

  /** {@code use_vmac} alone. */
  public static Vmac defaults() {
    return new Vmac(Optional.empty(), Optional.empty());
  }
}
