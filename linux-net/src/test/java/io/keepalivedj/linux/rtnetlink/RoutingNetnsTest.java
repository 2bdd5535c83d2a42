package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Routes and rules made through RtnetlinkClient, checked with {@code ip -j route} / {@code ip -j rule}. */
@Tag("netns")
class RoutingNetnsTest {
  private String ns;
  private RtnetlinkClient client;
  private int veth0;

  @BeforeEach
  void setUp() throws Exception {
    NetnsSupport.requireRootAndIp();
    ns = NetnsSupport.createNamespace();
    NetnsSupport.run("ip", "-n", ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth0", "up");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth1", "up");
    NetnsSupport.run("ip", "-n", ns, "addr", "add", "198.51.100.2/24", "dev", "veth0");
    NetnsSupport.run("ip", "-n", ns, "addr", "add", "2001:db8::2/64", "dev", "veth0", "nodad");
    client = RtnetlinkClient.open(NetworkNamespace.named(ns));
    veth0 = NetworkNamespace.named(ns).call(() -> Syscalls.ifNameToIndex("veth0"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    NetnsSupport.deleteNamespace(ns);
  }

  private String ip(String... words) {
    String[] command = new String[words.length + 4];
    command[0] = "ip";
    command[1] = "-n";
    command[2] = ns;
    command[3] = "-j";
    System.arraycopy(words, 0, command, 4, words.length);
    return NetnsSupport.run(command);
  }

  private Route staticRoute() throws Exception {
    return Route.via(IpPrefix.parse("192.0.2.0/24"), InetAddress.getByName("198.51.100.1"), veth0)
        .withTable(100).withProtocol(RouteProtocol.STATIC)
        .withPreferredSource(InetAddress.getByName("198.51.100.2")).withMetric(10);
  }

  @Test
  void addsListsReplacesAndDeletesAGatewayRoute() throws Exception {
    String hostRoutes = NetnsSupport.run("ip", "-j", "route", "show", "table", "all");
    client.addRoute(staticRoute());
    assertThat(ip("route", "show", "table", "100")).isEqualTo("[{\"dst\":\"192.0.2.0/24\",\"gateway\":\"198.51.100.1\","
        + "\"dev\":\"veth0\",\"protocol\":\"static\",\"prefsrc\":\"198.51.100.2\",\"metric\":10,\"flags\":[]}]\n");
    assertThat(client.listRoutes(SocketUapi.AF_INET)).filteredOn(r -> r.table() == 100).containsExactly(staticRoute());
    assertThatThrownBy(() -> client.addRoute(staticRoute()))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));

    Route moved = new Route(staticRoute().destination(), 100, RouteType.UNICAST, RouteProtocol.STATIC,
        AddressScope.UNIVERSE, staticRoute().preferredSource(),
        java.util.Optional.of(InetAddress.getByName("198.51.100.3")), 10, veth0);
    client.replaceRoute(moved);
    assertThat(client.listRoutes(SocketUapi.AF_INET)).filteredOn(r -> r.table() == 100).containsExactly(moved);

    client.deleteRoute(moved);
    assertThat(ip("route", "show", "table", "100")).isEqualTo("[]\n");
    assertThatThrownBy(() -> client.deleteRoute(moved))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ESRCH"));
    assertThat(NetnsSupport.run("ip", "-j", "route", "show", "table", "all")).isEqualTo(hostRoutes);
  }

  @Test
  void addsDropRoutesInABigTableAndAnIpv6Route() throws Exception {
    IpPrefix net = IpPrefix.parse("203.0.113.0/24");
    Route blackhole = Route.ofType(RouteType.BLACKHOLE, net).withTable(1000)
        .withProtocol(RouteProtocol.KEEPALIVED).withMetric(5);
    Route unreachable = Route.ofType(RouteType.UNREACHABLE, net).withTable(1000).withMetric(6);
    Route prohibit = Route.ofType(RouteType.PROHIBIT, net).withTable(1000).withMetric(7);
    client.addRoute(blackhole);
    client.addRoute(unreachable);
    client.addRoute(prohibit);
    String json = ip("route", "show", "table", "1000");
    assertThat(json).contains("{\"type\":\"blackhole\",\"dst\":\"203.0.113.0/24\",\"protocol\":\"keepalived\",\"metric\":5,")
        // ip leaves out "protocol" when it is boot, its own default
        .contains("{\"type\":\"unreachable\",\"dst\":\"203.0.113.0/24\",\"metric\":6,")
        .contains("{\"type\":\"prohibit\",\"dst\":\"203.0.113.0/24\",\"metric\":7,");
    assertThat(client.listRoutes(SocketUapi.AF_INET)).filteredOn(r -> r.tableId() == 1000)
        .containsExactlyInAnyOrder(blackhole, unreachable, prohibit);

    Route v6 = Route.via(IpPrefix.parse("2001:db8:1::/64"), InetAddress.getByName("2001:db8::1"), veth0).withMetric(100);
    Route v6drop = Route.ofType(RouteType.UNREACHABLE, IpPrefix.parse("2001:db8:dead::/48"));
    client.addRoute(v6);
    client.addRoute(v6drop);
    assertThat(ip("-6", "route", "show")).contains(
        "{\"dst\":\"2001:db8:1::/64\",\"gateway\":\"2001:db8::1\",\"dev\":\"veth0\",\"metric\":100,",
        "{\"type\":\"unreachable\",\"dst\":\"2001:db8:dead::/48\",\"dev\":\"lo\",\"metric\":1024,");
    // IPv6 fills in what it defaults: metric 1024 and the loopback device of a reject route.
    assertThat(client.listRoutes(SocketUapi.AF_INET6)).contains(v6, v6drop.withMetric(1024).withOutputInterface(1));
    assertThat(client.listRoutes()).contains(blackhole, v6);

    client.deleteRoute(blackhole);
    client.deleteRoute(v6);
    client.deleteRoute(v6drop);
    assertThat(ip("route", "show", "table", "1000")).doesNotContain("blackhole").contains("unreachable");
    assertThat(ip("-6", "route", "show")).doesNotContain("2001:db8:1::/64").doesNotContain("2001:db8:dead::");
  }

  @Test
  void addsListsAndDeletesRules() throws Exception {
    RoutingRule rule = RoutingRule.lookup(SocketUapi.AF_INET, 100)
        .withSource(IpPrefix.parse("192.0.2.0/24")).withDestination(IpPrefix.parse("198.51.100.0/24"))
        .withPriority(100).withFwmark(0x10, 0xff).withInputInterface("veth0").withOutputInterface("veth1");
    RoutingRule bigTable = RoutingRule.lookup(SocketUapi.AF_INET, 1000).withPriority(300)
        .withFwmark(0x20, RoutingRule.ALL_MARK_BITS).withProtocol(RouteProtocol.KEEPALIVED);
    RoutingRule jump = RoutingRule.goTo(SocketUapi.AF_INET, 100).withPriority(50);
    RoutingRule prohibit6 = RoutingRule.of(SocketUapi.AF_INET6, RuleAction.PROHIBIT)
        .withSource(IpPrefix.parse("2001:db8::/32")).withPriority(200);
    client.addRule(rule);
    client.addRule(bigTable);
    client.addRule(jump);
    client.addRule(prohibit6);

    assertThat(ip("rule", "show")).contains(
        "{\"priority\":100,\"src\":\"192.0.2.0\",\"srclen\":24,\"dst\":\"198.51.100.0\",\"dstlen\":24,"
            + "\"fwmark\":\"0x10\",\"fwmask\":\"0xff\",\"iif\":\"veth0\",\"oif\":\"veth1\",\"table\":\"100\"}",
        "{\"priority\":300,\"src\":\"all\",\"fwmark\":\"0x20\",\"table\":\"1000\",\"protocol\":\"keepalived\"}",
        "{\"priority\":50,\"src\":\"all\",\"goto\":100}");
    assertThat(ip("-6", "rule", "show")).contains(
        "{\"priority\":200,\"src\":\"2001:db8::\",\"srclen\":32,\"action\":\"prohibit\"}");
    assertThat(client.listRules(SocketUapi.AF_INET)).extracting(r -> r.priority().getAsLong())
        .containsExactly(0L, 50L, 100L, 300L, 32766L, 32767L);
    assertThat(client.listRules(SocketUapi.AF_INET)).contains(rule, bigTable, jump);
    assertThat(client.listRules(SocketUapi.AF_INET6)).contains(prohibit6);
    assertThatThrownBy(() -> client.addRule(rule))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));

    client.deleteRule(rule);
    client.deleteRule(bigTable);
    client.deleteRule(jump);
    client.deleteRule(prohibit6);
    assertThat(ip("rule", "show")).doesNotContain("\"priority\":100,").doesNotContain("\"priority\":300,")
        .doesNotContain("goto");
    assertThat(ip("-6", "rule", "show")).doesNotContain("prohibit");
    assertThatThrownBy(() -> client.deleteRule(rule))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
  }
}
