package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.VrrpTestConfigs.errors;
import static io.keepalivedj.config.bind.VrrpTestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VirtualRoute;
import io.keepalivedj.config.model.VirtualRule;
import io.keepalivedj.config.model.VrrpInstance;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticRoutesAndAddressesTest {

  @Test
  void vipOptionsStaticLinesAndGroups() throws Exception {
    ParseResult r = parse("""
        track_group TG {
          group {
            VI
          }
        }
        static_ipaddress {
          198.51.100.1/24 dev eth0 scope link track_group TG
        }
        static_routes {
          blackhole 203.0.113.0/24 table 100
          default via 198.51.100.254 dev eth0 metric 5 onlink
        }
        static_rules {
          from 198.51.100.0/24 table 100 priority 200
          not to 203.0.113.7 fwmark 0x10/0xff lookup main
        }
        vrrp_instance VI {
          interface eth1
          virtual_router_id 5
          virtual_ipaddress {
            192.0.2.1/24 brd + dev eth1 label eth1:vip no_track
            192.0.2.9 peer 192.0.2.10/30
          }
          virtual_ipaddress_excluded {
            2001:db8::5/64 preferred_lft forever
          }
          virtual_routes {
            192.0.2.128/25 src 192.0.2.1 via 192.0.2.254 dev eth1
          }
          virtual_rules {
            from 192.0.2.1 table 7
          }
        }
        """);
    assertThat(errors(r)).isEmpty();
    VirtualIpAddress sa = r.config().vrrp().staticIpaddress().get(0);
    assertThat(sa.dev()).contains("eth0");
    assertThat(sa.scope()).contains("link");
    assertThat(sa.trackGroup()).contains("TG");
    List<VirtualRoute> routes = r.config().vrrp().staticRoutes();
    assertThat(routes.get(0).type()).contains("blackhole");
    assertThat(routes.get(0).table()).contains("100");
    assertThat(routes.get(1).to().toString()).isEqualTo("0.0.0.0/0");
    assertThat(routes.get(1).via()).contains(InetAddress.getByName("198.51.100.254"));
    assertThat(routes.get(1).metric()).hasValue(5);
    assertThat(routes.get(1).options()).containsExactly("onlink");
    List<VirtualRule> rules = r.config().vrrp().staticRules();
    assertThat(rules.get(0).from().orElseThrow().toString()).isEqualTo("198.51.100.0/24");
    assertThat(rules.get(0).priority()).hasValue(200);
    assertThat(rules.get(1).not()).isTrue();
    assertThat(rules.get(1).fwmark()).contains("0x10/0xff");
    assertThat(rules.get(1).table()).contains("main");
    assertThat(r.config().vrrp().trackGroups().get(0).group()).containsExactly("VI");

    VrrpInstance vi = r.config().vrrp().instance("VI").orElseThrow();
    VirtualIpAddress vip = vi.virtualIpaddress().get(0);
    assertThat(vip.broadcast()).contains(InetAddress.getByName("192.0.2.255"));
    assertThat(vip.label()).contains("eth1:vip");
    assertThat(vip.noTrack()).isTrue();
    VirtualIpAddress p2p = vi.virtualIpaddress().get(1);
    assertThat(p2p.peer()).contains(InetAddress.getByName("192.0.2.10"));
    assertThat(p2p.address().prefixLength()).isEqualTo(30);
    assertThat(vi.virtualIpaddressExcluded().get(0).preferredLft()).hasValue(VirtualIpAddress.FOREVER);
    assertThat(vi.virtualRoutes().get(0).src()).contains(InetAddress.getByName("192.0.2.1"));
    assertThat(vi.virtualRules().get(0).table()).contains("7");
  }

  @Test
  void staticLineProblems() {
    ParseResult r = parse("static_ipaddress {\n  198.51.100.1/24 dev eth0 track_group NOPE\n  198.51.100.2/24 colour red\n}\n"
        + "static_routes {\n  via 198.51.100.1\n}\n");
    assertThat(errors(r)).containsExactly(
        "2:3: track_group NOPE not found: '198.51.100.1/24 dev eth0 track_group NOPE'",
        "3:19: unknown configuration entry for ip address, ignored: 'colour'",
        "3:26: unknown configuration entry for ip address, ignored: 'red'",
        "6:3: route has no destination, ignored: 'via 198.51.100.1'");
  }
}
