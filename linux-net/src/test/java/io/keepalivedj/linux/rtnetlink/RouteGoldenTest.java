package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.netlink.AttributeWriter;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.Golden;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkMessageCodec;
import io.keepalivedj.linux.netlink.NetlinkMessageHeader;
import io.keepalivedj.linux.netlink.NetlinkReject;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RouteCodec against what iproute2 6.1 sent for the same {@code ip route} commands, and on what
 * the kernel listed (golden/README.md). Sequence number from the vector, port id 0 as ip sends.
 */
class RouteGoldenTest {
  private static final int VETH0 = 3;

  private static void assertEncodesAs(NetlinkRequest request, String vector) {
    byte[] ours = Golden.toArray(NetlinkMessageCodec.encode(request, Golden.seq(vector), 0));
    assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(Golden.firstMessage(vector)));
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  /** ip route add 192.0.2.0/24 table 100 proto static src 198.51.100.2 via 198.51.100.1 metric 10 dev veth0 */
  private static Route staticRoute() throws Exception {
    return Route.via(IpPrefix.parse("192.0.2.0/24"), ip("198.51.100.1"), VETH0)
        .withTable(100).withProtocol(RouteProtocol.STATIC).withPreferredSource(ip("198.51.100.2")).withMetric(10);
  }

  private static Route blackhole() {
    // ip route add blackhole 203.0.113.0/24 table 1000 proto 18 metric 5
    return Route.ofType(RouteType.BLACKHOLE, IpPrefix.parse("203.0.113.0/24"))
        .withTable(1000).withProtocol(RouteProtocol.KEEPALIVED).withMetric(5);
  }

  @Test
  void addAndDeleteOfAGatewayRouteMatchIp() throws Exception {
    assertEncodesAs(RouteCodec.encodeAdd(staticRoute()), "route-add-v4-02-send");
    // ip sends scope nowhere and type unspec in a delete: any scope, any unicast-like type
    assertEncodesAs(RouteCodec.encodeDelete(staticRoute()), "route-del-v4-02-send");
    assertThat(RouteCodec.encodeAdd(staticRoute()).operation()).isEqualTo(
        "ip route add 192.0.2.0/24 table 100 proto static scope global src 198.51.100.2 via 198.51.100.1"
            + " metric 10 dev ifindex 3");
  }

  @Test
  void ipv6DefaultAndOnLinkRoutesMatchIp() throws Exception {
    // ip -6 route add 2001:db8:1::/64 via 2001:db8::1 metric 100 dev veth0
    assertEncodesAs(RouteCodec.encodeAdd(
        Route.via(IpPrefix.parse("2001:db8:1::/64"), ip("2001:db8::1"), VETH0).withMetric(100)), "route-add-v6-02-send");
    // ip route add default via 198.51.100.1 dev veth0: no RTA_DST at all
    assertEncodesAs(RouteCodec.encodeAdd(
        Route.via(IpPrefix.parse("0.0.0.0/0"), ip("198.51.100.1"), VETH0)), "route-add-default-02-send");
    // ip route add 198.51.100.128/25 table 100 scope link dev veth0
    assertEncodesAs(RouteCodec.encodeAdd(
        Route.onLink(IpPrefix.parse("198.51.100.128/25"), VETH0).withTable(100)), "route-add-link-02-send");
  }

  @Test
  void aBlackholeInATableAbove255UsesRtaTable() {
    assertEncodesAs(RouteCodec.encodeAdd(blackhole()), "route-add-blackhole-00-send");
    // the type stays in a delete of a non-unicast route
    assertEncodesAs(RouteCodec.encodeDelete(blackhole()), "route-del-blackhole-00-send");
  }

  @Test
  void dumpMatchesIp() {
    // ip route show table all: rtmsg of zeros, NLM_F_DUMP
    assertEncodesAs(RouteCodec.encodeDump(SocketUapi.AF_UNSPEC), "route-dump-00-send");
  }

  private static List<Route> dumpedRoutes() throws Exception {
    List<Route> routes = new ArrayList<>();
    for (NetlinkMessage message : NetlinkMessageCodec.decode(Golden.buffer("route-dump-01-recv")).orThrow()) {
      if (message.type() == RtnetlinkUapi.RTM_NEWROUTE) {
        routes.add(RouteCodec.decode(message).orThrow());
      }
    }
    return routes;
  }

  @Test
  void decodesTheKernelsRouteDump() throws Exception {
    List<Route> routes = dumpedRoutes();
    // What the capture added earlier and left in place comes back equal to what we encode.
    assertThat(routes).contains(
        Route.onLink(IpPrefix.parse("198.51.100.128/25"), VETH0).withTable(100),
        Route.via(IpPrefix.parse("0.0.0.0/0"), ip("198.51.100.1"), VETH0),
        Route.via(IpPrefix.parse("2001:db8:1::/64"), ip("2001:db8::1"), VETH0).withMetric(100));
    // The kernel's own: the connected /24 and the local address in table local.
    assertThat(routes).contains(
        Route.onLink(IpPrefix.parse("198.51.100.0/24"), VETH0).withProtocol(RouteProtocol.KERNEL)
            .withPreferredSource(ip("198.51.100.2")),
        new Route(IpPrefix.parse("198.51.100.2/32"), RtnetlinkUapi.RT_TABLE_LOCAL, RouteType.LOCAL,
            RouteProtocol.KERNEL, AddressScope.HOST, Optional.of(ip("198.51.100.2")), Optional.empty(), 0, VETH0));
    // The routes the capture deleted are gone.
    assertThat(routes).noneMatch(r -> r.destination().equals(IpPrefix.parse("192.0.2.0/24")));
    assertThat(routes).noneMatch(r -> r.type() == RouteType.BLACKHOLE);
  }

  @Test
  void rejectsRoutesThatLieOrThatItCannotRepresent() throws Exception {
    NetlinkMessage good = NetlinkMessageCodec.decode(Golden.buffer("route-dump-01-recv")).orThrow().get(0);
    // rtmsg cut to 8 bytes
    assertThat(reason(message(good.type(), Golden.toArray(good.payload().duplicate().limit(8)))))
        .isEqualTo(NetlinkReject.FAMILY_HEADER_TRUNCATED);
    // rtm_dst_len 40 on IPv4
    byte[] payload = Golden.toArray(good.payload());
    payload[1] = 40;
    assertThat(reason(message(good.type(), payload))).isEqualTo(NetlinkReject.FIELD_OUT_OF_RANGE);
    // an IPv6-sized RTA_GATEWAY on an IPv4 route
    assertThat(reason(withAttribute(good, new AttributeWriter().bytes(RtnetlinkUapi.RTA_GATEWAY, new byte[16]))))
        .isEqualTo(NetlinkReject.ATTRIBUTE_VALUE_SIZE);
    // a multipath route: well-formed, but Route would misstate it
    assertThat(reason(withAttribute(good, new AttributeWriter().bytes(RtnetlinkUapi.RTA_MULTIPATH, new byte[8]))))
        .isEqualTo(NetlinkReject.UNSUPPORTED_FEATURE);
    assertThat(RouteCodec.decode(good)).isInstanceOf(Decoding.Decoded.class);
  }

  static NetlinkMessage message(int type, byte[] payload) {
    return new NetlinkMessage(new NetlinkMessageHeader(16 + payload.length, type, 0, 0, 0), ByteBuffer.wrap(payload));
  }

  /** {@code good} with the attribute prepended to its attributes (first(type) finds it first). */
  static NetlinkMessage withAttribute(NetlinkMessage good, AttributeWriter attribute) {
    byte[] payload = Golden.toArray(good.payload());
    byte[] extra = Golden.toArray(attribute.toBuffer());
    byte[] joined = new byte[payload.length + extra.length];
    System.arraycopy(payload, 0, joined, 0, RtnetlinkUapi.RTMSG_SIZE);
    System.arraycopy(extra, 0, joined, RtnetlinkUapi.RTMSG_SIZE, extra.length);
    System.arraycopy(payload, RtnetlinkUapi.RTMSG_SIZE, joined, RtnetlinkUapi.RTMSG_SIZE + extra.length,
        payload.length - RtnetlinkUapi.RTMSG_SIZE);
    return message(good.type(), joined);
  }

  private static NetlinkReject reason(NetlinkMessage message) {
    Decoding<Route> decoding = RouteCodec.decode(message);
    assertThat(decoding).isInstanceOf(Decoding.Rejected.class);
    return ((Decoding.Rejected<Route>) decoding).reason();
  }
}
