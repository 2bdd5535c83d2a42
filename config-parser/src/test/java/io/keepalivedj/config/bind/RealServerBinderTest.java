package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.LvsTestSupport.bind;
import static io.keepalivedj.config.bind.LvsTestSupport.ip;
import static io.keepalivedj.config.bind.LvsTestSupport.withRealServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsTunnel;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.Script;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealServerBinderTest {

  @Test
  void everyRealServerKeywordBinds() {
    RealServer rs = bind(withRealServer("    weight 5\n"
        + "    lvs_method TUN type gre csum\n"
        + "    uthreshold 100\n"
        + "    lthreshold 10\n"
        + "    inhibit_on_failure no\n"
        + "    notify_up /bin/up\n"
        + "    notify_down \"/bin/down now\"\n"
        + "    alpha\n"
        + "    retry 2\n"
        + "    delay_before_retry 4\n"
        + "    warmup 1\n"
        + "    connect_timeout 0.5\n"
        + "    delay_loop 7\n"
        + "    smtp_alert yes\n"
        + "    virtualhost rs.example.com\n"
        + "    snmp_name rs1")).clean().rs();
    assertThat(rs.ip()).isEqualTo(ip("192.0.2.5"));
    assertThat(rs.port()).isEqualTo(80);
    assertThat(rs.weight()).isEqualTo(5);
    assertThat(rs.lvsMethod()).contains(LvsMethod.TUN);
    assertThat(rs.tunnel()).contains(new LvsTunnel(LvsTunnel.Type.GRE, 0, LvsTunnel.Checksum.CSUM));
    assertThat(rs.uthreshold()).isEqualTo(100);
    assertThat(rs.lthreshold()).isEqualTo(10);
    assertThat(rs.inhibitOnFailure()).contains(false);
    assertThat(rs.notifyUp().map(Script::argv)).contains(List.of("/bin/up"));
    assertThat(rs.notifyDown().map(Script::argv)).contains(List.of("/bin/down", "now"));
    assertThat(rs.alpha()).contains(true);
    assertThat(rs.retry()).contains(2L);
    assertThat(rs.delayBeforeRetry()).contains(Duration.ofSeconds(4));
    assertThat(rs.warmup()).contains(Duration.ofSeconds(1));
    assertThat(rs.connectTimeout()).contains(Duration.ofMillis(500));
    assertThat(rs.delayLoop()).contains(Duration.ofSeconds(7));
    assertThat(rs.smtpAlert()).contains(true);
    assertThat(rs.virtualhost()).contains("rs.example.com");
    assertThat(rs.snmpName()).contains("rs1");
    assertThat(rs.checkers()).isEmpty();
  }

  @Test
  void unsetOptionsStayUnsetSoTheyInheritTheVirtualServers() {
    RealServer rs = bind(withRealServer("")).clean().rs();
    assertThat(rs).isEqualTo(RealServer.builder(ip("192.0.2.5"), 80).position(rs.position()).build());
    assertThat(rs.position().line()).isEqualTo(5);
    assertThat(rs.position().column()).isEqualTo(3);
  }

  @Test
  void aRealServerWithoutPortTakesTheVirtualServersPort() {
    String text = withRealServer("").replace("real_server 192.0.2.5 80", "real_server 192.0.2.5");
    assertThat(bind(text).clean().rs().port()).isEqualTo(80);
  }

  @Test
  void badWeightIsAnErrorAtItsToken() {
    RealServer rs = bind(withRealServer("    weight -1")).onlyError(6, 12, "outside range").rs();
    assertThat(rs.weight()).isEqualTo(1);
    bind(withRealServer("    weight 2147483648")).onlyError(6, 12, "outside range");
  }

  @Test
  void badAddressOrPortSkipsTheRealServer() {
    String badIp = withRealServer("").replace("real_server 192.0.2.5 80", "real_server 192.0.2.256 80");
    LvsTestSupport.Bound b = bind(badIp).hasError(5, 15, "invalid IP address");
    assertThat(b.lvs().virtualServers()).isEmpty(); // and then the virtual server has none
    String badPort = withRealServer("").replace("real_server 192.0.2.5 80", "real_server 192.0.2.5 http");
    bind(badPort).hasError(5, 25, "invalid number");
  }

  @Test
  void keywordsSharedWithTheVirtualServerGiveTheSameErrorsInBothBlocks() {
    // Both blocks read them through ServerOptionsBinder; only the block's name differs.
    bind(withRealServer("    snmp_name a b")).onlyError(6, 5, "real server snmp_name missing or extra parameters");
    bind(LvsTestSupport.withVirtualServerLines("  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n  snmp_name"))
        .onlyError(5, 3, "virtual server snmp_name missing or extra parameters");
    RealServer rs = bind(withRealServer("    retry 0")).onlyError(6, 11, "outside range").rs();
    assertThat(rs.retry()).isEmpty();
    assertThat(bind(LvsTestSupport.withVirtualServerLines("  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n  retry 0"))
        .onlyError(5, 9, "outside range").vs().retry()).isEmpty();
  }

  @Test
  void duplicateRealServerIsAnErrorAndTheSecondIsDropped() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 80 {\n  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n"
        + "  real_server 192.0.2.5 80 {\n  }\n  real_server 192.0.2.5 80 {\n  }\n}\n").onlyError(7, 3, "is duplicated");
    assertThat(b.vs().realServers()).hasSize(1);
  }

  @Test
  void portMismatchUnlessNatIsAnErrorAndReset() {
    String text = withRealServer("").replace("real_server 192.0.2.5 80", "real_server 192.0.2.5 8080");
    assertThat(bind(text).onlyError(5, 25, "port doesn't match").rs().port()).isEqualTo(80);
    assertThat(bind(withRealServer("    lvs_method NAT").replace("192.0.2.5 80", "192.0.2.5 8080")).clean().rs().port())
        .isEqualTo(8080);
  }

  @Test
  void addressFamilyMismatchSkipsTheRealServerUnlessTunnelled() {
    String v6 = withRealServer("").replace("real_server 192.0.2.5 80", "real_server 2001:db8::5 80");
    bind(v6).hasError(5, 15, "address family of virtual server and real server don't match");
    RealServer rs = bind(withRealServer("    lvs_method TUN").replace("192.0.2.5 80", "2001:db8::5 80")).clean().rs();
    assertThat(rs.ip()).isEqualTo(ip("2001:db8::5"));
  }

  @Test
  void unknownKeywordAndNestedRealServerAreErrors() {
    bind(withRealServer("    bogus")).onlyError(6, 5, "unknown keyword in real_server");
    bind(withRealServer("    real_server 192.0.2.6 80 {\n    }")).onlyError(6, 5, "real_server outside a virtual_server");
  }

  @Test
  void secondNotifyScriptIsAnError() {
    RealServer rs = bind(withRealServer("    notify_down /bin/a\n    notify_down /bin/b")).onlyError(7, 5, "already specified").rs();
    assertThat(rs.notifyDown().map(Script::program)).contains("/bin/a");
  }

  @Test
  void badBooleanIsAnError() {
    RealServer rs = bind(withRealServer("    inhibit_on_failure maybe")).onlyError(6, 24, "invalid boolean").rs();
    assertThat(rs.inhibitOnFailure()).isEmpty();
  }

  @Test
  void missingBlockIsAnError() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 80 {\n  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n"
        + "  real_server 192.0.2.5 80\n}\n");
    b.hasError(5, 3, "needs a block");
  }
}
