package io.keepalivedj.linux.rtnetlink;

import java.util.Objects;
import java.util.Optional;

/**
 * A macvlan interface on a parent link: keepalived's VMAC ({@code use_vmac}), which carries the
 * virtual router MAC 00:00:5e:00:01:VRID (RFC 5798 §7.3) so the VIP moves with its own MAC.
 *
 * @param parentIndex IFLA_LINK: the parent's ifindex
 * @param name        IFLA_IFNAME, 1-15 characters
 * @param address     IFLA_ADDRESS; empty lets the kernel pick a random one
 * @param mode        IFLA_MACVLAN_MODE
 */
public record MacvlanLink(int parentIndex, String name, Optional<HardwareAddress> address, MacvlanMode mode) {
  public MacvlanLink {
    if (parentIndex <= 0) {
      throw new IllegalArgumentException("parent ifindex must be positive: " + parentIndex);
    }
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > RtnetlinkUapi.IFNAMSIZ_CHARS || name.contains("/")
        || name.chars().anyMatch(c -> c <= ' ' || c == ':') || name.equals(".") || name.equals("..")) {
      // dev_valid_name() in net/core/dev.c: no '/', ':' or whitespace, not "." or "..".
      throw new IllegalArgumentException("not a valid interface name: '" + name + "'");
    }
    Objects.requireNonNull(address, "address");
    if (address.isPresent() && address.get().length() != 6) {
      throw new IllegalArgumentException("a macvlan address is an Ethernet MAC: " + address.get());
    }
    Objects.requireNonNull(mode, "mode");
  }

  /** keepalived's VMAC for a VRID: 00:00:5e:00:01:VRID (IPv4) in private mode. */
  public static MacvlanLink vmac(int parentIndex, String name, int vrid) {
    if (vrid < 1 || vrid > 255) {
      throw new IllegalArgumentException("VRID out of 1-255: " + vrid);
    }
    return new MacvlanLink(parentIndex, name,
        Optional.of(HardwareAddress.of(new byte[] {0, 0, 0x5e, 0, 1, (byte) vrid})), MacvlanMode.PRIVATE);
  }
}
