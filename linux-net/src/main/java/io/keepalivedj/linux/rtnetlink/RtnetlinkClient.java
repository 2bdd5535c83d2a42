package io.keepalivedj.linux.rtnetlink;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.NetlinkException;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkReject;
import io.keepalivedj.linux.netlink.NetlinkReply;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import io.keepalivedj.linux.netlink.NetlinkSocket;
import io.keepalivedj.linux.netlink.NetlinkUapi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links, addresses, routes and rules over a NETLINK_ROUTE socket; methods mirror {@code ip}
 * commands. The client acts in the namespace its socket was opened in. Kernel errors surface as
 * {@link NetlinkException} (EEXIST for a duplicate address, ENODEV for a missing interface,
 * ESRCH for a route to delete that is not there...). Listings skip, with a warning, the
 * entries their records cannot represent (multipath routes, rules with unmodelled selectors).
 */
public final class RtnetlinkClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RtnetlinkClient.class);

  /** A dump the kernel flags NLM_F_DUMP_INTR is re-run this many times before failing. */
  static final int DUMP_ATTEMPTS = 3;

  private final NetlinkSocket socket;

  private RtnetlinkClient(NetlinkSocket socket) {
    this.socket = socket;
  }

  /** A client in the calling thread's network namespace. */
  public static RtnetlinkClient open() throws LinuxException {
    return new RtnetlinkClient(NetlinkSocket.open(NetlinkUapi.NETLINK_ROUTE));
  }

  /** A client over an open NETLINK_ROUTE socket, which it then owns (and closes). */
  public static RtnetlinkClient over(NetlinkSocket socket) {
    if (socket.options().protocol() != NetlinkUapi.NETLINK_ROUTE) {
      throw new IllegalArgumentException("not a NETLINK_ROUTE socket: " + socket);
    }
    return new RtnetlinkClient(socket);
  }

  /** A client whose socket lives in {@code namespace}, whatever thread uses it later. */
  public static RtnetlinkClient open(NetworkNamespace namespace) throws IOException {
    return namespace.call(RtnetlinkClient::open);
  }

  /** {@code ip link show}: every link in the namespace. */
  public List<LinkInfo> listLinks() throws LinuxException {
    return dump(LinkCodec.encodeDump(), RtnetlinkUapi.RTM_NEWLINK, LinkCodec::decode);
  }

  /** {@code ip link show dev NAME}: the link, or empty when the kernel says ENODEV. */
  public Optional<LinkInfo> link(String name) throws LinuxException {
    NetlinkRequest request = LinkCodec.encodeGetByName(name);
    NetlinkReply reply;
    try {
      reply = socket.request(request);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENODEV) {
        return Optional.empty();
      }
      throw e;
    }
    for (NetlinkMessage message : reply.messages()) {
      if (message.type() == RtnetlinkUapi.RTM_NEWLINK) {
        return Optional.of(decoded(request, LinkCodec.decode(message)));
      }
    }
    throw new NetlinkException(Errno.EBADMSG, request.operation(), "the kernel answered without RTM_NEWLINK");
  }

  /** {@code ip addr add ADDRESS/PREFIX dev IFINDEX [brd B] [label L] [scope S]}; EEXIST if present. */
  public void addAddress(InterfaceAddress address) throws LinuxException {
    socket.request(AddressCodec.encodeAdd(Objects.requireNonNull(address, "address")));
  }

  /** {@code ip addr del ADDRESS/PREFIX dev IFINDEX}; EADDRNOTAVAIL if absent. */
  public void deleteAddress(InterfaceAddress address) throws LinuxException {
    socket.request(AddressCodec.encodeDelete(Objects.requireNonNull(address, "address")));
  }

  /** {@code ip addr show}: every IPv4 and IPv6 address in the namespace. */
  public List<InterfaceAddress> listAddresses() throws LinuxException {
    return listAddresses(SocketUapi.AF_UNSPEC);
  }

  /** {@code ip -4 addr show} (AF_INET) or {@code ip -6 addr show} (AF_INET6). */
  public List<InterfaceAddress> listAddresses(int family) throws LinuxException {
    if (family != SocketUapi.AF_UNSPEC && family != SocketUapi.AF_INET && family != SocketUapi.AF_INET6) {
      throw new IllegalArgumentException("family must be AF_UNSPEC, AF_INET or AF_INET6: " + family);
    }
    return dump(AddressCodec.encodeDump(family), RtnetlinkUapi.RTM_NEWADDR, AddressCodec::decode);
  }

  /** {@code ip route add ...}; EEXIST if the route is there. */
  public void addRoute(Route route) throws LinuxException {
    socket.request(RouteCodec.encodeAdd(Objects.requireNonNull(route, "route")));
  }

  /** {@code ip route replace ...}: adds the route or overwrites the one with its key. */
  public void replaceRoute(Route route) throws LinuxException {
    socket.request(RouteCodec.encodeReplace(Objects.requireNonNull(route, "route")));
  }

  /** {@code ip route del ...} (any scope, see RouteCodec#encodeDelete); ESRCH if absent. */
  public void deleteRoute(Route route) throws LinuxException {
    socket.request(RouteCodec.encodeDelete(Objects.requireNonNull(route, "route")));
  }

  /** {@code ip route show table all} and {@code ip -6 route show table all}: every table. */
  public List<Route> listRoutes() throws LinuxException {
    List<Route> routes = new ArrayList<>(listRoutes(SocketUapi.AF_INET));
    routes.addAll(listRoutes(SocketUapi.AF_INET6));
    return List.copyOf(routes);
  }

  /** {@code ip -4 route show table all} (AF_INET) or {@code ip -6 route show table all} (AF_INET6). */
  public List<Route> listRoutes(int family) throws LinuxException {
    requireIpFamily(family);
    return dumpSkippingUnsupported(RouteCodec.encodeDump(family), RtnetlinkUapi.RTM_NEWROUTE, RouteCodec::decode);
  }

  /** {@code ip rule add ...}; EEXIST if an identical rule is there. */
  public void addRule(RoutingRule rule) throws LinuxException {
    socket.request(RuleCodec.encodeAdd(Objects.requireNonNull(rule, "rule")));
  }

  /** {@code ip rule del ...}: removes the first rule matching; ENOENT if none does. */
  public void deleteRule(RoutingRule rule) throws LinuxException {
    socket.request(RuleCodec.encodeDelete(Objects.requireNonNull(rule, "rule")));
  }

  /** {@code ip rule show} (AF_INET) or {@code ip -6 rule show} (AF_INET6), by priority. */
  public List<RoutingRule> listRules(int family) throws LinuxException {
    requireIpFamily(family);
    return dumpSkippingUnsupported(RuleCodec.encodeDump(family), RtnetlinkUapi.RTM_NEWRULE, RuleCodec::decode);
  }

  /**
   * {@code ip link add link PARENT name NAME [address MAC] type macvlan mode MODE}; EEXIST if
   * the name is taken. The new link is down, as ip leaves it.
   */
  public void createMacvlan(MacvlanLink macvlan) throws LinuxException {
    socket.request(LinkCodec.encodeCreateMacvlan(Objects.requireNonNull(macvlan, "macvlan")));
  }

  /** {@code ip -d link show dev NAME}: the macvlan, or empty if there is no such link or it is not a macvlan. */
  public Optional<MacvlanLink> macvlan(String name) throws LinuxException {
    NetlinkRequest request = LinkCodec.encodeGetByName(name);
    NetlinkReply reply;
    try {
      reply = socket.request(request);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENODEV) {
        return Optional.empty();
      }
      throw e;
    }
    for (NetlinkMessage message : reply.messages()) {
      if (message.type() == RtnetlinkUapi.RTM_NEWLINK) {
        return decoded(request, LinkCodec.decodeMacvlan(message));
      }
    }
    throw new NetlinkException(Errno.EBADMSG, request.operation(), "the kernel answered without RTM_NEWLINK");
  }

  /**
   * {@code ip link del NAME}: resolves the name, then deletes by ifindex, as ip does; ENODEV if
   * there is no such link (a deleted macvlan's addresses and routes go with it).
   */
  public void deleteLink(String name) throws LinuxException {
    Optional<LinkInfo> link = link(name);
    if (link.isEmpty()) {
      throw new NetlinkException(Errno.ENODEV, "ip link del " + name, "no such device");
    }
    socket.request(LinkCodec.encodeDelete(link.get().index(), name));
  }

  private static void requireIpFamily(int family) {
    if (family != SocketUapi.AF_INET && family != SocketUapi.AF_INET6) {
      throw new IllegalArgumentException("family must be AF_INET or AF_INET6: " + family);
    }
  }

  private <T> List<T> dumpSkippingUnsupported(NetlinkRequest request, int type,
      Function<NetlinkMessage, Decoding<T>> decoder) throws LinuxException {
    List<T> values = new ArrayList<>();
    int skipped = 0;
    String example = null;
    for (NetlinkMessage message : dumpMessages(request)) {
      if (message.type() != type) {
        continue;
      }
      Decoding<T> decoding = decoder.apply(message);
      if (decoding instanceof Decoding.Rejected<T> r && r.reason() == NetlinkReject.UNSUPPORTED_FEATURE) {
        skipped++;
        example = r.detail();
        continue;
      }
      values.add(decoded(request, decoding));
    }
    if (skipped > 0) {
      LOG.warn("{}: skipped {} entries this API does not model (e.g. {})", request.operation(), skipped, example);
    }
    return List.copyOf(values);
  }

  private List<NetlinkMessage> dumpMessages(NetlinkRequest request) throws LinuxException {
    for (int attempt = 1; ; attempt++) {
      NetlinkReply reply = socket.request(request);
      if (!reply.dumpInterrupted()) {
        return reply.messages();
      }
      if (attempt >= DUMP_ATTEMPTS) {
        throw new NetlinkException(Errno.EAGAIN, request.operation(), "dump interrupted by concurrent changes "
            + DUMP_ATTEMPTS + " times (NLM_F_DUMP_INTR)");
      }
    }
  }

  private <T> List<T> dump(NetlinkRequest request, int type, Function<NetlinkMessage, Decoding<T>> decoder)
      throws LinuxException {
    List<T> values = new ArrayList<>();
    for (NetlinkMessage message : dumpMessages(request)) {
      if (message.type() == type) {
        values.add(decoded(request, decoder.apply(message)));
      }
    }
    return List.copyOf(values);
  }

  private static <T> T decoded(NetlinkRequest request, Decoding<T> decoding) throws NetlinkException {
    if (decoding instanceof Decoding.Decoded<T> d) {
      return d.value();
    }
    if (decoding instanceof Decoding.Rejected<T> r) {
      throw new NetlinkException(Errno.EBADMSG, request.operation(), "malformed reply: " + r.detail());
    }
    throw new AssertionError(decoding);
  }

  @Override
  public void close() throws LinuxException {
    socket.close();
  }
}
