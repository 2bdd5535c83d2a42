package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of {@code virtual_routes} or {@code static_routes}, in {@code ip route} syntax:
 * {@code [TYPE] [src ADDR] [to] PREFIX|default [via ADDR] [dev IF] [table T] [metric N]
 * [scope S] [proto P] [no_track] [track_group NAME] [...]}. The common options are typed; the
 * rest of iproute2's option set ({@code nexthop}, {@code mtu}, {@code realms}, {@code onlink},
 * {@code pref}, ...) is kept, in order, as written.
 *
 * @param type the route type when given ({@code unicast}, {@code blackhole}, {@code unreachable},
 *     {@code prohibit}, {@code throw}, {@code local}, {@code broadcast}, {@code multicast},
 *     {@code nat}, {@code anycast}); empty: unicast
 * @param to the destination; {@code default} is 0.0.0.0/0 (or ::/0 after {@code inet6})
 * @param src {@code src}: the preferred source address
 * @param via {@code via} / {@code gw}: the gateway
 * @param dev {@code dev} / {@code oif}
 * @param table {@code table}, a number or a name from rt_tables; empty: main
 * @param metric {@code metric} / {@code priority} / {@code preference}
 * @param scope {@code scope}
 * @param proto {@code proto} / {@code protocol}
 * @param noTrack {@code no_track}
 * @param trackGroup {@code track_group} (static routes only)
 * @param options the other words of the line, in order
 * @param position where the line was written
 */
public record VirtualRoute(
    Optional<String> type,
    IpPrefix to,
    Optional<InetAddress> src,
    Optional<InetAddress> via,
    Optional<String> dev,
    Optional<String> table,
    OptionalLong metric,
    Optional<String> scope,
    Optional<String> proto,
    boolean noTrack,
    Optional<String> trackGroup,
    List<String> options,
    SourcePosition position) {

  public VirtualRoute {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(dev, "dev");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(proto, "proto");
    Objects.requireNonNull(trackGroup, "trackGroup");
    options = List.copyOf(options);
    Objects.requireNonNull(position, "position");
    dev.ifPresent(InterfaceNames::check);
    src.ifPresent(a -> requireFamily(a, to, "src"));
    via.ifPresent(a -> requireFamily(a, to, "via"));
    if (metric.isPresent() && (metric.getAsLong() < 0 || metric.getAsLong() > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("metric outside 0..4294967295: " + metric);
    }
  }

  private static void requireFamily(InetAddress a, IpPrefix to, String what) {
    if ((a instanceof java.net.Inet4Address) != to.isIpv4()) {
      throw new IllegalArgumentException(what + " " + a.getHostAddress() + " differs in family from " + to);
    }
  }

  /** A route to {@code to} with nothing else set. */
  public static VirtualRoute to(IpPrefix to) {
    return new VirtualRoute(Optional.empty(), to, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty(), List.of(), SourcePosition.NONE);
  }
}
