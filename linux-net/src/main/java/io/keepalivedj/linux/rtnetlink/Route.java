package io.keepalivedj.linux.rtnetlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route, as {@code ip route add} takes it and {@code ip route show table all} lists it; the
 * fields keepalived's virtual_routes and static_routes set. Multipath routes (RTA_MULTIPATH)
 * are not modelled.
 *
 * @param destination     RTA_DST with rtm_dst_len; 0.0.0.0/0 or ::/0 for "default"
 * @param table           routing table id (RT_TABLE_MAIN 254 unless said; ids above 255 travel
 *                        in RTA_TABLE); an unsigned u32 in an int, never 0
 * @param type            rtm_type: unicast, or blackhole/unreachable/prohibit/throw...
 * @param protocol        rtm_protocol: who installed it (ip's default is boot)
 * @param scope           rtm_scope: universe for routes via a gateway, link for directly
 *                        connected ones, host for local addresses
 * @param preferredSource RTA_PREFSRC ({@code src}), same family as the destination
 * @param gateway         RTA_GATEWAY ({@code via}), same family as the destination
 * @param metric          RTA_PRIORITY ({@code metric}), unsigned 32-bit; 0 is not sent (IPv6
 *                        then uses 1024, IP6_RT_PRIO_USER, and lists that)
 * @param outputInterface RTA_OIF ({@code dev}) ifindex, 0 for none
 */
public record Route(IpPrefix destination, int table, RouteType type, RouteProtocol protocol,
    AddressScope scope, Optional<InetAddress> preferredSource, Optional<InetAddress> gateway,
    long metric, int outputInterface) {
  public Route {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(preferredSource, "preferredSource");
    Objects.requireNonNull(gateway, "gateway");
    if (table == RtnetlinkUapi.RT_TABLE_UNSPEC) {
      throw new IllegalArgumentException("table 0 (RT_TABLE_UNSPEC) is not a table");
    }
    if (type == RouteType.UNSPEC) {
      throw new IllegalArgumentException("a route needs a type (RTN_UNSPEC only matches in deletes)");
    }
    int length = destination.address().getAddress().length;
    if (preferredSource.isPresent() && preferredSource.get().getAddress().length != length) {
      throw new IllegalArgumentException("src " + preferredSource.get().getHostAddress()
          + " is not of the family of " + destination);
    }
    if (gateway.isPresent() && gateway.get().getAddress().length != length) {
      // A gateway of the other family needs RTA_VIA (Linux 5.2), which this record does not model.
      throw new IllegalArgumentException("via " + gateway.get().getHostAddress()
          + " is not of the family of " + destination);
    }
    if (metric < 0 || metric > 0xffff_ffffL) {
      throw new IllegalArgumentException("metric is a u32: " + metric);
    }
    if (outputInterface < 0) {
      throw new IllegalArgumentException("negative ifindex: " + outputInterface);
    }
  }

  /**
   * {@code ip route add DESTINATION via GATEWAY dev IFINDEX}: main table, unicast, protocol
   * boot, scope universe (ip's defaults when a gateway is given). {@code outputInterface} may
   * be 0 to let the kernel find it from the gateway.
   */
  public static Route via(IpPrefix destination, InetAddress gateway, int outputInterface) {
    return new Route(destination, RtnetlinkUapi.RT_TABLE_MAIN, RouteType.UNICAST, RouteProtocol.BOOT,
        AddressScope.UNIVERSE, Optional.empty(), Optional.of(gateway), 0, outputInterface);
  }

  /**
   * {@code ip route add DESTINATION dev IFINDEX}: a directly connected network; scope link for
   * IPv4 and universe for IPv6, as ip picks them.
   */
  public static Route onLink(IpPrefix destination, int outputInterface) {
    if (outputInterface <= 0) {
      throw new IllegalArgumentException("a directly connected route needs an interface: " + outputInterface);
    }
    AddressScope scope = destination.family() == io.keepalivedj.linux.SocketUapi.AF_INET
        ? AddressScope.LINK : AddressScope.UNIVERSE;
    return new Route(destination, RtnetlinkUapi.RT_TABLE_MAIN, RouteType.UNICAST, RouteProtocol.BOOT,
        scope, Optional.empty(), Optional.empty(), 0, outputInterface);
  }

  /**
   * {@code ip route add TYPE DESTINATION} for the types without a next hop: blackhole,
   * unreachable, prohibit, throw. Main table, protocol boot, scope universe.
   */
  public static Route ofType(RouteType type, IpPrefix destination) {
    if (type != RouteType.BLACKHOLE && type != RouteType.UNREACHABLE && type != RouteType.PROHIBIT
        && type != RouteType.THROW) {
      throw new IllegalArgumentException(type + " routes need a next hop; use via() or onLink()");
    }
    return new Route(destination, RtnetlinkUapi.RT_TABLE_MAIN, type, RouteProtocol.BOOT,
        AddressScope.UNIVERSE, Optional.empty(), Optional.empty(), 0, 0);
  }

  public Route withTable(int newTable) {
    return new Route(destination, newTable, type, protocol, scope, preferredSource, gateway, metric, outputInterface);
  }

  public Route withProtocol(RouteProtocol newProtocol) {
    return new Route(destination, table, type, newProtocol, scope, preferredSource, gateway, metric, outputInterface);
  }

  public Route withScope(AddressScope newScope) {
    return new Route(destination, table, type, protocol, newScope, preferredSource, gateway, metric, outputInterface);
  }

  public Route withPreferredSource(InetAddress source) {
    return new Route(destination, table, type, protocol, scope, Optional.of(source), gateway, metric, outputInterface);
  }

  public Route withMetric(long newMetric) {
    return new Route(destination, table, type, protocol, scope, preferredSource, gateway, newMetric, outputInterface);
  }

  public Route withOutputInterface(int ifindex) {
    return new Route(destination, table, type, protocol, scope, preferredSource, gateway, metric, ifindex);
  }

  /** AF_INET or AF_INET6. */
  public int family() {
    return destination.family();
  }

  /** The table id as the unsigned number ip prints. */
  public long tableId() {
    return Integer.toUnsignedLong(table);
  }
}
