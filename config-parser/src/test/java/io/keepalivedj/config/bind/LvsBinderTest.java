package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.LvsTestSupport.bind;
import static io.keepalivedj.config.bind.LvsTestSupport.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.LvsIpFamily;
import io.keepalivedj.config.model.SslConfig;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import io.keepalivedj.config.model.VirtualServerGroup;
import io.keepalivedj.config.model.VirtualServerGroupEntry.AddressRange;
import io.keepalivedj.config.model.VirtualServerGroupEntry.Fwmark;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LvsBinderTest {

  private static final String VS_BODY = "  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n  real_server 192.0.2.5 80 {\n  }\n";

  private static SourcePosition at(int line, int column) {
    return SourcePosition.of("t.conf", line, column);
  }

  @Test
  void sslBlock() {
    SslConfig ssl = bind("SSL {\n  password secret\n  ca /etc/ca.pem\n  certificate /etc/c.pem\n  key /etc/k.pem\n}\n")
        .clean().lvs().ssl().orElseThrow();
    assertThat(ssl).isEqualTo(new SslConfig(Optional.of("secret"), Optional.of("/etc/ca.pem"), Optional.of("/etc/c.pem"),
        Optional.of("/etc/k.pem"), at(1, 1)));
    bind("SSL {\n  pem x\n}\n").onlyError(2, 3, "unknown keyword in SSL");
    bind("SSL {\n}\nSSL {\n}\n").onlyError(3, 1, "SSL context already specified");
  }

  @Test
  void virtualServerGroupEntries() {
    VirtualServerGroup g = bind("virtual_server_group G {\n"
        + "  192.0.2.1 80\n"
        + "  192.0.2.10-20 80\n"
        + "  192.0.2.64/30 443\n"
        + "  192.0.2.100-192.0.2.110\n"
        + "  2001:db8::1-ff 80\n"
        + "  fwmark 5 inet\n"
        + "  fwmark 6 inet6\n"
        + "}\n").clean().lvs().virtualServerGroups().get(0);
    assertThat(g.name()).isEqualTo("G");
    assertThat(g.entries()).containsExactly(
        new AddressRange(ip("192.0.2.1"), ip("192.0.2.1"), 80, at(2, 3)),
        new AddressRange(ip("192.0.2.10"), ip("192.0.2.20"), 80, at(3, 3)),
        new AddressRange(ip("192.0.2.64"), ip("192.0.2.67"), 443, at(4, 3)),
        new AddressRange(ip("192.0.2.100"), ip("192.0.2.110"), 0, at(5, 3)),
        new AddressRange(ip("2001:db8::1"), ip("2001:db8::ff"), 80, at(6, 3)),
        new Fwmark(5, Optional.of(LvsIpFamily.INET), at(7, 3)),
        new Fwmark(6, Optional.of(LvsIpFamily.INET6), at(8, 3)));
    // IPv4, IPv6 and a fwmark without family cannot share a group (keepalived removes it).
    bind("virtual_server_group M {\n  192.0.2.1 80\n  2001:db8::1 80\n  fwmark 6\n}\n")
        .onlyError(1, 1, "cannot have IPv4, IPv6 and a fwmark without family");
  }

  @Test
  void badGroupEntriesAreErrorsAtTheirTokens() {
    LvsTestSupport.Bound b = bind("virtual_server_group G {\n"
        + "  192.0.2.300 80\n"
        + "  192.0.2.20-10 80\n"
        + "  192.0.2.65/30 80\n"
        + "  192.0.2.1 99999\n"
        + "  fwmark 5 ipx\n"
        + "  192.0.2.1 80\n"
        + "}\n");
    b.hasError(2, 3, "invalid virtual server group address").hasError(3, 3, "not greater than its start")
        .hasError(4, 3, "bits set outside the prefix").hasError(5, 13, "outside range").hasError(6, 12, "invalid value");
    assertThat(b.errors()).hasSize(5);
    assertThat(b.lvs().virtualServerGroups().get(0).entries()).hasSize(1);
    LvsTestSupport.Bound empty = bind("virtual_server_group E {\n}\n").onlyError(1, 1, "has no entries");
    assertThat(empty.lvs().virtualServerGroups()).isEmpty();
  }

  @Test
  void virtualServerOfAGroup() {
    LvsTestSupport.Bound b = bind("virtual_server_group G {\n  192.0.2.10-20 80\n}\n"
        + "virtual_server group G {\n" + VS_BODY + "}\n").clean();
    assertThat(b.vs().endpoint()).isEqualTo(new VirtualServerEndpoint.Group("G"));
    assertThat(b.lvs().virtualServerGroup("G")).isPresent();
  }

  @Test
  void undefinedGroupIsAnErrorAtItsName() {
    LvsTestSupport.Bound b = bind("virtual_server group NOPE {\n" + VS_BODY + "}\n").onlyError(1, 22, "NOPE is not defined");
    assertThat(b.lvs().virtualServers()).isEmpty();
  }

  @Test
  void duplicateVirtualServerIsAnErrorAtTheSecond() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 80 {\n" + VS_BODY + "}\n"
        + "virtual_server 192.0.2.1 80 {\n" + VS_BODY + "}\n").onlyError(8, 1, "duplicate virtual_server");
    assertThat(b.lvs().virtualServers()).hasSize(1);
    assertThat(b.diagnostics().get(0).message()).contains("first defined at t.conf:1:1");
    // Same address and port, another protocol: another IPVS service.
    bind("virtual_server 192.0.2.1 80 {\n" + VS_BODY + "}\n"
        + "virtual_server 192.0.2.1 80 {\n" + VS_BODY.replace("TCP", "UDP") + "}\n").clean();
  }

  @Test
  void topLevelRealServerIsAnErrorNamingItsLine() {
    bind("real_server 192.0.2.5 80 {\n  weight 1\n}\n").onlyError(1, 1, "real_server outside a virtual_server");
    bind("virtual_server_group G {\n  192.0.2.1 80\n}\nSSL {\n  real_server 192.0.2.5 80 {\n  }\n}\n")
        .onlyError(5, 3, "real_server outside a virtual_server");
  }

  @Test
  void topLevelRealServerThroughTheWholeParserIsNotAnUnknownKeyword() {
    ParseResult r = ConfigParser.check("real_server 192.0.2.5 80 {\n  weight 1\n}\n", "t.conf", Path.of("."),
        LvsTestSupport.OPTIONS);
    assertThat(r.diagnostics()).singleElement().satisfies((Diagnostic d) -> {
      assertThat(d.position()).isEqualTo(at(1, 1));
      assertThat(d.message()).contains("real_server outside a virtual_server");
    });
  }

  @Test
  void handlesItsTopLevelKeywordsOnly() {
    assertThat(LvsBinder.handles("virtual_server")).isTrue();
    assertThat(LvsBinder.handles("virtual_server_group")).isTrue();
    assertThat(LvsBinder.handles("SSL")).isTrue();
    assertThat(LvsBinder.handles("real_server")).isTrue();
    assertThat(LvsBinder.handles("HTTP_GET")).isFalse();
    assertThat(LvsBinder.handles("vrrp_instance")).isFalse();
  }

  @Test
  void sameGroupNameTwiceIsAWarning() {
    LvsTestSupport.Bound b = bind("virtual_server_group G {\n  192.0.2.1 80\n}\nvirtual_server_group G {\n  192.0.2.2 80\n}\n");
    assertThat(b.errors()).isEmpty();
    assertThat(b.warnings()).singleElement().satisfies(d -> assertThat(d.position()).isEqualTo(at(4, 1)));
    assertThat(b.lvs().virtualServerGroup("G").orElseThrow().position()).isEqualTo(at(1, 1));
  }
}
