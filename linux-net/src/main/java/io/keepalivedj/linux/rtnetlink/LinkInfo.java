package io.keepalivedj.linux.rtnetlink;

import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as RTM_NEWLINK describes it.
 *
 * @param index     ifindex, positive
 * @param name      IFLA_IFNAME
 * @param address   IFLA_ADDRESS (absent on links without one, e.g. tun)
 * @param flags     ifi_flags, IFF_* (IFF_UP is the admin state, IFF_LOWER_UP the carrier)
 * @param operState IFLA_OPERSTATE
 * @param mtu       IFLA_MTU in bytes (0 when the kernel omitted it)
 */
public record LinkInfo(int index, String name, Optional<HardwareAddress> address, int flags,
    OperState operState, int mtu) {
  public LinkInfo {
    if (index <= 0) {
      throw new IllegalArgumentException("ifindex must be positive: " + index);
    }
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > RtnetlinkUapi.IFNAMSIZ_CHARS) {
      throw new IllegalArgumentException("interface name must have 1-15 characters: '" + name + "'");
    }
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(operState, "operState");
    if (mtu < 0) {
      throw new IllegalArgumentException("negative mtu: " + mtu);
    }
  }

  /** Administratively up (IFF_UP). */
  public boolean isUp() {
    return (flags & RtnetlinkUapi.IFF_UP) != 0;
  }

  /** Carrier present (IFF_LOWER_UP). */
  public boolean hasCarrier() {
    return (flags & RtnetlinkUapi.IFF_LOWER_UP) != 0;
  }
}
