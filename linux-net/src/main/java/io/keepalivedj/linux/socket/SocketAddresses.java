package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.SocketUapi;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * struct sockaddr_in / sockaddr_in6 (uapi/linux/in.h, uapi/linux/in6.h): family and scope id in
 * native order, port, flow info and address in network order. Raw sockets leave the port 0
 * (for IPv6 raw a non-zero sin6_port must equal the protocol, net/ipv6/raw.c).
 */
final class SocketAddresses {
  private SocketAddresses() {
  }

  /**
   * The sockaddr for {@code address}; an IPv6 link-local address without a scope id gets
   * {@code defaultScopeId} (the socket's interface) as sin6_scope_id.
   */
  static ByteBuffer encode(InetAddress address, int defaultScopeId) {
    if (address instanceof Inet4Address v4) {
      ByteBuffer out = ByteBuffer.allocateDirect(InUapi.SOCKADDR_IN_SIZE).order(ByteOrder.nativeOrder());
      out.putShort(0, (short) SocketUapi.AF_INET);
      out.put(4, v4.getAddress());
      return out;
    }
    if (address instanceof Inet6Address v6) {
      ByteBuffer out = ByteBuffer.allocateDirect(In6Uapi.SOCKADDR_IN6_SIZE).order(ByteOrder.nativeOrder());
      out.putShort(0, (short) SocketUapi.AF_INET6);
      out.put(8, v6.getAddress());
      int scope = v6.getScopeId() != 0 ? v6.getScopeId() : needsScope(v6) ? defaultScopeId : 0;
      out.putInt(24, scope);
      return out;
    }
    throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
  }

  /** Link-local unicast and link-local (ff02::/16) multicast need an interface to mean anything. */
  static boolean needsScope(Inet6Address address) {
    return address.isLinkLocalAddress() || address.isMCLinkLocal();
  }

  /**
   * The address in a sockaddr the kernel filled; IPv6 keeps sin6_scope_id when non-zero. Null for
   * a family other than AF_INET / AF_INET6 or a short buffer.
   */
  static InetAddress decode(ByteBuffer sockaddr) {
    ByteBuffer in = sockaddr.duplicate().order(ByteOrder.nativeOrder());
    int base = in.position();
    if (in.remaining() < 2) {
      return null;
    }
    int family = in.getShort(base) & 0xffff;
    try {
      if (family == SocketUapi.AF_INET && in.remaining() >= 8) {
        byte[] bytes = new byte[4];
        in.get(base + 4, bytes);
        return InetAddress.getByAddress(bytes);
      }
      if (family == SocketUapi.AF_INET6 && in.remaining() >= In6Uapi.SOCKADDR_IN6_SIZE) {
        byte[] bytes = new byte[16];
        in.get(base + 8, bytes);
        int scope = in.getInt(base + 24);
        return Inet6Address.getByAddress(null, bytes, scope == 0 ? -1 : scope);
      }
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
    return null;
  }
}
