package io.keepalivedj.linux.rtnetlink;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address on an interface, as {@code ip addr} shows and takes it.
 *
 * @param interfaceIndex ifindex, positive
 * @param address        IFA_LOCAL (IFA_ADDRESS for IPv6, where both are the same)
 * @param prefixLength   0-32 (IPv4) or 0-128 (IPv6)
 * @param label          IFA_LABEL, IPv4 only, at most 15 characters (e.g. "eth1:1"); the
 *                       kernel requires it to begin with the interface's name
 * @param scope          ifa_scope
 * @param broadcast      IFA_BROADCAST, IPv4 only
 * @param flags          IFA_F_* (e.g. IFA_F_NODAD for a VIP that must not wait for DAD)
 */
public record InterfaceAddress(int interfaceIndex, InetAddress address, int prefixLength,
    Optional<String> label, AddressScope scope, Optional<Inet4Address> broadcast, int flags) {
  public InterfaceAddress {
    if (interfaceIndex <= 0) {
      throw new IllegalArgumentException("ifindex must be positive: " + interfaceIndex);
    }
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(broadcast, "broadcast");
    int maxPrefix = address instanceof Inet4Address ? 32 : 128;
    if (prefixLength < 0 || prefixLength > maxPrefix) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0-" + maxPrefix);
    }
    if (address instanceof Inet6Address && (label.isPresent() || broadcast.isPresent())) {
      throw new IllegalArgumentException("labels and broadcast addresses are IPv4 only");
    }
    if (label.isPresent() && (label.get().isEmpty() || label.get().length() > RtnetlinkUapi.IFNAMSIZ_CHARS)) {
      throw new IllegalArgumentException("label must have 1-15 characters: '" + label.get() + "'");
    }
  }

  /** A universe-scope address without label, broadcast or flags. */
  public static InterfaceAddress of(int interfaceIndex, InetAddress address, int prefixLength) {
    return new InterfaceAddress(interfaceIndex, address, prefixLength, Optional.empty(),
        AddressScope.UNIVERSE, Optional.empty(), 0);
  }

  public InterfaceAddress withLabel(String newLabel) {
    return new InterfaceAddress(interfaceIndex, address, prefixLength, Optional.of(newLabel), scope, broadcast, flags);
  }

  public InterfaceAddress withScope(AddressScope newScope) {
    return new InterfaceAddress(interfaceIndex, address, prefixLength, label, newScope, broadcast, flags);
  }

  public InterfaceAddress withBroadcast(Inet4Address newBroadcast) {
    return new InterfaceAddress(interfaceIndex, address, prefixLength, label, scope, Optional.of(newBroadcast), flags);
  }

  public InterfaceAddress withFlags(int newFlags) {
    return new InterfaceAddress(interfaceIndex, address, prefixLength, label, scope, broadcast, newFlags);
  }

  public int family() {
    return address instanceof Inet4Address ? io.keepalivedj.linux.SocketUapi.AF_INET
        : io.keepalivedj.linux.SocketUapi.AF_INET6;
  }

  /** "192.0.2.10/24", as ip(8) writes it. */
  public String cidr() {
    return address.getHostAddress() + "/" + prefixLength;
  }
}
