package io.keepalivedj.config.model;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What a {@code virtual_server} line serves: {@code IP [PORT]}, {@code fwmark N} or
 * {@code group NAME}.
 */
public sealed interface VirtualServerEndpoint
    permits VirtualServerEndpoint.Address, VirtualServerEndpoint.Fwmark, VirtualServerEndpoint.Group {

  /**
   * {@code virtual_server IP [PORT]}.
   *
   * @param ip the virtual address
   * @param port 1..65535, or 0 when written as no port or {@code 0} (valid only for a persistent
   *     service: keepalived sets {@code persistence_timeout} 360 s with an error otherwise)
   */
  record Address(InetAddress ip, int port) implements VirtualServerEndpoint {
    public Address {
      Objects.requireNonNull(ip, "ip");
      LvsChecks.port("port", port, true);
    }

    @Override
    public String toString() {
      return (ip instanceof java.net.Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress()) + ":" + port;
    }
  }

  /**
   * {@code virtual_server fwmark N}.
   *
   * @param fwmark the firewall mark, 0..4294967295
   */
  record Fwmark(long fwmark) implements VirtualServerEndpoint {
    public Fwmark {
      LvsChecks.range("fwmark", fwmark, 0, LvsChecks.UINT32_MAX);
    }

    @Override
    public String toString() {
      return "fwmark " + fwmark;
    }
  }

  /**
   * {@code virtual_server group NAME}: the services of a {@link VirtualServerGroup}.
   *
   * @param name the group's name
   */
  record Group(String name) implements VirtualServerEndpoint {
    public Group {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty group name");
      }
    }

    @Override
    public String toString() {
      return "group " + name;
    }
  }
}
