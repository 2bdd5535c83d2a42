package io.keepalivedj.config.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address with a prefix length, as in {@code 192.0.2.1/24} or {@code 2001:db8::1/64}. The
 * address keeps its host bits: a VIP {@code 192.0.2.1/24} is that address on a /24, not the
 * network.
 */
public record IpPrefix(InetAddress address, int prefixLength) {
  public IpPrefix {
    Objects.requireNonNull(address, "address");
    int max = maxPrefix(address);
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + max);
    }
  }

  /** A host prefix: /32 for IPv4, /128 for IPv6 (keepalived's default for a VIP without one). */
  public static IpPrefix host(InetAddress address) {
    return new IpPrefix(address, maxPrefix(address));
  }

  public static int maxPrefix(InetAddress address) {
    return address instanceof Inet4Address ? 32 : 128;
  }

  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  @Override
  public String toString() {
    return AddressText.of(address) + "/" + prefixLength;
  }
}
