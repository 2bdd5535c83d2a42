package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.LvsTestSupport.bind;
import static io.keepalivedj.config.bind.LvsTestSupport.ip;
import static io.keepalivedj.config.bind.LvsTestSupport.withVirtualServerLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.model.LvsIpFamily;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsProtocol;
import io.keepalivedj.config.model.LvsScheduler;
import io.keepalivedj.config.model.LvsTunnel;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.model.SorryServer;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualServerBinderTest {

  private static final String HEAD = "  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n";

  @Test
  void everyVirtualServerKeywordBinds() {
    VirtualServer vs = bind("virtual_server 192.0.2.1 80 {\n"
        + "  lb_algo sh\n"
        + "  sh-port\n"
        + "  sh-fallback\n"
        + "  hashed\n"
        + "  flag-1\n"
        + "  flag-2\n"
        + "  flag-3\n"
        + "  lb_kind TUN type gue port 6080 csum\n"
        + "  protocol udp\n"
        + "  ops\n"
        + "  delay_loop 2.5\n"
        + "  persistence_timeout 600\n"
        + "  persistence_granularity 255.255.255.0\n"
        + "  persistence_engine sip\n"
        + "  ip_family inet\n"
        + "  retry 4\n"
        + "  connect_timeout 3\n"
        + "  delay_before_retry 1.5\n"
        + "  warmup 0\n"
        + "  inhibit_on_failure\n"
        + "  alpha\n"
        + "  omega\n"
        + "  quorum 2\n"
        + "  hysteresis 1\n"
        + "  quorum_up \"/bin/up 'a b'\"\n"
        + "  quorum_down /bin/down x\n"
        + "  virtualhost www.example.com\n"
        + "  ha_suspend\n"
        + "  smtp_alert off\n"
        + "  snmp_name vs1\n"
        + "  weight 3\n"
        + "  sorry_server 192.0.2.99 80\n"
        + "  sorry_server_inhibit\n"
        + "  sorry_server_lvs_method DR\n"
        + "  real_server 192.0.2.5 80 {\n  }\n"
        + "}\n").clean().vs();
    assertThat(vs.endpoint()).isEqualTo(new VirtualServerEndpoint.Address(ip("192.0.2.1"), 80));
    assertThat(vs.lvsSched()).isEqualTo(LvsScheduler.SH);
    assertThat(List.of(vs.shPort(), vs.shFallback(), vs.hashed(), vs.flag1(), vs.flag2(), vs.flag3())).containsOnly(true);
    assertThat(vs.mhPort() || vs.mhFallback()).isFalse();
    assertThat(vs.lvsMethod()).isEqualTo(LvsMethod.TUN);
    assertThat(vs.tunnel()).contains(new LvsTunnel(LvsTunnel.Type.GUE, 6080, LvsTunnel.Checksum.CSUM));
    assertThat(vs.protocol()).contains(LvsProtocol.UDP);
    assertThat(vs.ops()).isTrue();
    assertThat(vs.delayLoop()).isEqualTo(Duration.ofMillis(2500));
    assertThat(vs.persistenceTimeout()).contains(Duration.ofSeconds(600));
    assertThat(vs.persistenceGranularity()).contains("255.255.255.0");
    assertThat(vs.persistenceEngine()).contains("sip");
    assertThat(vs.ipFamily()).contains(LvsIpFamily.INET);
    assertThat(vs.retry()).contains(4L);
    assertThat(vs.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(vs.delayBeforeRetry()).contains(Duration.ofMillis(1500));
    assertThat(vs.warmup()).contains(Duration.ZERO);
    assertThat(vs.inhibitOnFailure() && vs.alpha() && vs.omega() && vs.haSuspend()).isTrue();
    assertThat(vs.quorum()).isEqualTo(2);
    assertThat(vs.hysteresis()).isEqualTo(1);
    assertThat(vs.quorumUp().map(Script::argv)).contains(List.of("/bin/up", "a b"));
    assertThat(vs.quorumDown().map(Script::argv)).contains(List.of("/bin/down", "x"));
    assertThat(vs.virtualhost()).contains("www.example.com");
    assertThat(vs.smtpAlert()).contains(false);
    assertThat(vs.snmpName()).contains("vs1");
    assertThat(vs.weight()).isEqualTo(3);
    SorryServer sorry = vs.sorryServer().orElseThrow();
    assertThat(sorry.ip()).isEqualTo(ip("192.0.2.99"));
    assertThat(sorry.port()).isEqualTo(80);
    assertThat(sorry.sorryServerInhibit()).isTrue();
    assertThat(sorry.sorryServerLvsMethod()).contains(LvsMethod.DR);
    // A real server without weight takes the virtual server's.
    assertThat(vs.realServers().get(0).weight()).isEqualTo(3);
  }

  @Test
  void fwmarkAndGroupEndpoints() {
    VirtualServer vs = bind("virtual_server fwmark 7 {\n  lvs_sched wrr\n  lvs_method DR\n"
        + "  real_server 192.0.2.5 {\n  }\n}\n").clean().vs();
    assertThat(vs.endpoint()).isEqualTo(new VirtualServerEndpoint.Fwmark(7));
    assertThat(vs.protocol()).isEmpty();
    assertThat(vs.realServers().get(0).port()).isZero();
  }

  @Test
  void invalidSchedulerIsAnErrorAtItsTokenAndFallsBackToWlc() {
    VirtualServer vs = bind(withVirtualServerLines("  lb_algo xx\n  lb_kind DR\n  protocol TCP"))
        .onlyError(2, 11, "invalid lvs_sched").vs();
    assertThat(vs.lvsSched()).isEqualTo(LvsScheduler.WLC);
  }

  @Test
  void missingSchedulerIsAnErrorAtTheVirtualServer() {
    VirtualServer vs = bind(withVirtualServerLines("  lb_kind DR\n  protocol TCP"))
        .onlyError(1, 1, "no lvs_sched set").vs();
    assertThat(vs.lvsSched()).isEqualTo(LvsScheduler.WLC);
  }

  @Test
  void invalidLbKindIsAnErrorAndTheMethodFallsBackToNat() {
    VirtualServer vs = bind(withVirtualServerLines("  lb_algo rr\n  lb_kind nat\n  protocol TCP"))
        .hasError(3, 11, "invalid value")
        .hasError(1, 1, "no lvs_method set - using NAT")
        .vs();
    assertThat(vs.lvsMethod()).isEqualTo(LvsMethod.NAT);
  }

  @Test
  void invalidProtocolIsAnErrorAndKeepsTheEarlierOne() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  protocol XX"))
        .onlyError(5, 12, "invalid protocol").vs();
    assertThat(vs.protocol()).contains(LvsProtocol.TCP);
  }

  @Test
  void missingProtocolFallsBackToUdpWithAnError() {
    VirtualServer vs = bind(withVirtualServerLines("  lvs_sched rr\n  lvs_method DR"))
        .onlyError(1, 1, "no protocol set - using UDP").vs();
    assertThat(vs.protocol()).contains(LvsProtocol.UDP);
  }

  @Test
  void badAddressSkipsTheVirtualServer() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.300 80 {\n" + HEAD + "}\n").onlyError(1, 16, "invalid IP address");
    assertThat(b.lvs().virtualServers()).isEmpty();
  }

  @Test
  void portOutOfRangeSkipsTheVirtualServer() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 65536 {\n" + HEAD + "}\n").onlyError(1, 26, "outside range");
    assertThat(b.lvs().virtualServers()).isEmpty();
  }

  @Test
  void missingPortIsAnErrorUnlessPersistent() {
    VirtualServer vs = bind("virtual_server 192.0.2.1 {\n" + HEAD + "  real_server 192.0.2.5 {\n  }\n}\n")
        .onlyError(1, 16, "missing its port").vs();
    assertThat(vs.persistenceTimeout()).contains(Duration.ofSeconds(360));
    // As keepalived: a DR real server's port follows the (absent) virtual server port, with an error.
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 0 {\n" + HEAD + "  real_server 192.0.2.5 80 {\n  }\n}\n")
        .hasError(1, 26, "missing its port").hasError(5, 25, "port doesn't match");
    assertThat(b.errors()).hasSize(2);
    assertThat(b.rs().port()).isZero();
    bind("virtual_server 192.0.2.1 {\n" + HEAD + "  persistence_timeout\n  real_server 192.0.2.5 {\n  }\n}\n").clean();
  }

  @Test
  void badWeightIsAnErrorAtItsToken() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  weight 0")).onlyError(5, 10, "outside range").vs();
    assertThat(vs.weight()).isEqualTo(1);
  }

  @Test
  void shPortBeforeShSchedulerIsAnError() {
    VirtualServer vs = bind(withVirtualServerLines("  sh-port\n" + HEAD)).onlyError(2, 3, "only applies to scheduler sh").vs();
    assertThat(vs.shPort()).isFalse();
    bind(withVirtualServerLines(HEAD + "  mh-fallback")).onlyError(5, 3, "only applies to scheduler mh");
    bind(withVirtualServerLines(HEAD + "  hashed")).onlyError(5, 3, "only applies to scheduler sh or mh");
  }

  @Test
  void opsWithoutUdpIsAnErrorAndCleared() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  ops")).onlyError(5, 3, "requires UDP").vs();
    assertThat(vs.ops()).isFalse();
  }

  @Test
  void quorumAboveTheTotalWeightIsLowered() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  quorum 5")).onlyError(5, 3, "exceeds").vs();
    assertThat(vs.quorum()).isEqualTo(1);
  }

  @Test
  void hysteresisNotBelowQuorumIsLowered() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  hysteresis 1")).onlyError(5, 3, "must be below quorum").vs();
    assertThat(vs.hysteresis()).isZero();
  }

  @Test
  void sorryServerOptionsWithoutSorryServerAreErrors() {
    bind(withVirtualServerLines(HEAD + "  sorry_server_inhibit")).onlyError(5, 3, "without sorry_server");
    bind(withVirtualServerLines(HEAD + "  sorry_server_lvs_method NAT")).onlyError(5, 3, "without sorry_server");
  }

  @Test
  void sorryServerPortMustMatchUnlessNat() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  sorry_server 192.0.2.9 8080")).onlyError(5, 26, "doesn't match").vs();
    assertThat(vs.sorryServer().map(SorryServer::port)).contains(80);
    vs = bind(withVirtualServerLines(HEAD + "  sorry_server 192.0.2.9")).clean().vs();
    assertThat(vs.sorryServer().map(SorryServer::port)).contains(80);
  }

  @Test
  void ipFamilyConflictingWithTheAddressIsAnError() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  ip_family inet6")).onlyError(5, 13, "conflicts").vs();
    assertThat(vs.ipFamily()).isEmpty();
  }

  @Test
  void timersOutOfRangeAreErrors() {
    bind(withVirtualServerLines(HEAD + "  delay_loop 0")).onlyError(5, 14, "outside range");
    bind(withVirtualServerLines(HEAD + "  connect_timeout 5000")).onlyError(5, 19, "outside range");
    bind(withVirtualServerLines(HEAD + "  retry 0")).onlyError(5, 9, "outside range");
    bind(withVirtualServerLines(HEAD + "  persistence_timeout 2678401")).onlyError(5, 23, "outside range");
  }

  @Test
  void persistenceGranularityAloneMakesItPersistent() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  persistence_granularity 255.255.0.0")).clean().vs();
    assertThat(vs.persistenceTimeout()).contains(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
    bind(withVirtualServerLines(HEAD + "  persistence_granularity 300.1.1.1")).onlyError(5, 27, "invalid IPv4 persistence_granularity");
  }

  @Test
  void tunnelOptionsAreChecked() {
    bind(withVirtualServerLines("  lvs_sched rr\n  protocol TCP\n  lvs_method TUN type gue"))
        .hasError(4, 3, "gue tunnels require a port");
    bind(withVirtualServerLines("  lvs_sched rr\n  protocol TCP\n  lvs_method TUN type gue port"))
        .hasError(4, 32, "is missing the gue tunnel port");
    bind(withVirtualServerLines("  lvs_sched rr\n  protocol TCP\n  lvs_method TUN type ipip csum"))
        .hasError(4, 3, "ipip tunnels do not support");
    VirtualServer vs = bind(withVirtualServerLines("  lvs_sched rr\n  protocol TCP\n  lvs_method TUN")).clean().vs();
    assertThat(vs.tunnel()).contains(LvsTunnel.IPIP);
  }

  @Test
  void unknownKeywordIsAnError() {
    bind(withVirtualServerLines(HEAD + "  bogus 1")).onlyError(5, 3, "unknown keyword in virtual_server");
  }

  @Test
  void duplicateScriptsAreErrors() {
    VirtualServer vs = bind(withVirtualServerLines(HEAD + "  quorum_up /bin/a\n  quorum_up /bin/b"))
        .onlyError(6, 3, "already specified").vs();
    assertThat(vs.quorumUp().map(Script::program)).contains("/bin/a");
  }

  @Test
  void missingBlockIsAnError() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 80\n");
    assertThat(b.errors()).isNotEmpty();
    assertThat(b.lvs().virtualServers()).isEmpty();
  }

  @Test
  void noRealServersIsAnErrorAndTheVirtualServerIsLeftOut() {
    LvsTestSupport.Bound b = bind("virtual_server 192.0.2.1 80 {\n" + HEAD + "}\n").onlyError(1, 1, "has no real servers");
    assertThat(b.lvs().virtualServers()).isEmpty();
  }

  @Test
  void fwmarkOutOfRangeSkipsTheVirtualServer() {
    LvsTestSupport.Bound b = bind("virtual_server fwmark 4294967296 {\n  lvs_sched rr\n}\n").onlyError(1, 23, "outside range");
    assertThat(b.lvs().virtualServers()).isEmpty();
  }

  @Test
  void protocolOnAFwmarkServiceIsAnErrorAndDropped() {
    VirtualServer vs = bind("virtual_server fwmark 1 {\n" + HEAD + "  real_server 192.0.2.5 {\n  }\n}\n")
        .onlyError(4, 3, "ignored for a fwmark").vs();
    assertThat(vs.protocol()).isEqualTo(Optional.empty());
  }
}
