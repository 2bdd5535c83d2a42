package io.keepalivedj.linux.rtnetlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network, as {@code ip route} and {@code ip rule} take it: "192.0.2.0/24",
 * "2001:db8::/32", "0.0.0.0/0" for ip's "default". The host bits must be zero, as the kernel
 * demands for routes (fib: "Invalid prefix for given prefix length").
 */
public record IpPrefix(InetAddress address, int prefixLength) {
  public IpPrefix {
    Objects.requireNonNull(address, "address");
    int bits = address.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0-" + bits);
    }
    byte[] bytes = address.getAddress();
    for (int bit = prefixLength; bit < bits; bit++) {
      if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        throw new IllegalArgumentException(address.getHostAddress() + "/" + prefixLength + " has host bits set");
      }
    }
  }

  /** Parses "ADDRESS/LENGTH" (a bare address is a host prefix: /32 or /128). */
  public static IpPrefix parse(String text) {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    // Literals only, so getByName never resolves a name: dotted digits, or hex with colons.
    if (!host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !(host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+"))) {
      throw new IllegalArgumentException("not an IP prefix: '" + text + "'");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP prefix: '" + text + "'", e);
    }
    int length = address.getAddress().length * 8;
    if (slash >= 0) {
      try {
        length = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IP prefix: '" + text + "'", e);
      }
    }
    return new IpPrefix(address, length);
  }

  /** The prefix of a single host: /32 or /128. */
  public static IpPrefix host(InetAddress address) {
    return new IpPrefix(address, address.getAddress().length * 8);
  }

  /** AF_INET or AF_INET6. */
  public int family() {
    return address instanceof Inet4Address ? io.keepalivedj.linux.SocketUapi.AF_INET
        : io.keepalivedj.linux.SocketUapi.AF_INET6;
  }

  /** "192.0.2.0/24". */
  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength;
  }
}
