package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.VrrpTestConfigs.errors;
import static io.keepalivedj.config.bind.VrrpTestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.IptablesChains;
import io.keepalivedj.config.model.LvsSyncDaemon;
import io.keepalivedj.config.model.LvsTimeouts;
import io.keepalivedj.config.model.OtherSetting;
import io.keepalivedj.config.model.ScriptUser;
import io.keepalivedj.config.model.SmtpServer;
import io.keepalivedj.config.model.VrrpInstance;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GlobalBinderTest {

  @Test
  void coreKeywordsAreTyped() throws Exception {
    ParseResult r = parse("""
        net_namespace blue
        instance lb1
        use_pid_dir
        global_defs {
          router_id LVS_A
          notification_email {
            ops@example.org
            noc@example.org
          }
          notification_email_from lb@example.org
          smtp_server 192.0.2.25 2525
          smtp_connect_timeout 10
          enable_script_security
          script_user nobody nogroup
          vrrp_garp_master_delay 2
          vrrp_garp_master_repeat 3
          vrrp_garp_master_refresh 60
          vrrp_garp_interval 0.001
          vrrp_gna_interval 0.002
          vrrp_skip_check_adv_addr
          vrrp_strict
          vrrp_version 3
          vrrp_mcast_group4 224.0.0.19
          vrrp_mcast_group6 ff02::13
          vrrp_iptables
          lvs_flush
          lvs_sync_daemon eth1 inst VI id 7 port 8849
          lvs_timeouts tcp 900 udp 60
          vrrp_startup_delay 5.5
          dynamic_interfaces allow_if_changes
          max_auto_priority
          random_seed 1234
        }
        """);
    assertThat(errors(r)).isEmpty();
    GlobalDefs g = r.config().globalDefs();
    assertThat(g.netNamespace()).contains("blue");
    assertThat(g.instance()).contains("lb1");
    assertThat(g.usePidDir()).isTrue();
    assertThat(g.routerId()).contains("LVS_A");
    assertThat(g.notificationEmail()).containsExactly("ops@example.org", "noc@example.org");
    assertThat(g.notificationEmailFrom()).contains("lb@example.org");
    assertThat(g.smtpServer()).contains(new SmtpServer("192.0.2.25", 2525));
    assertThat(g.smtpConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(g.enableScriptSecurity()).isTrue();
    assertThat(g.scriptUser()).contains(new ScriptUser("nobody", Optional.of("nogroup")));
    assertThat(g.vrrpGarpMasterDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(g.vrrpGarpMasterRepeat()).isEqualTo(3);
    assertThat(g.vrrpGarpMasterRefresh()).isEqualTo(Duration.ofSeconds(60));
    assertThat(g.vrrpGarpInterval()).isEqualTo(Duration.ofMillis(1));
    assertThat(g.vrrpGnaInterval()).isEqualTo(Duration.ofMillis(2));
    assertThat(g.vrrpSkipCheckAdvAddr()).isTrue();
    assertThat(g.vrrpStrict()).isTrue();
    assertThat(g.vrrpVersion()).isEqualTo(3);
    assertThat(g.vrrpMcastGroup4()).isEqualTo(InetAddress.getByName("224.0.0.19"));
    assertThat(g.vrrpMcastGroup6()).isEqualTo(InetAddress.getByName("ff02::13"));
    assertThat(g.vrrpIptables()).contains(IptablesChains.defaults());
    assertThat(g.lvsFlush()).isTrue();
    assertThat(g.lvsSyncDaemon()).contains(new LvsSyncDaemon("eth1", Optional.of("VI"), OptionalInt.of(7),
        OptionalInt.empty(), OptionalInt.of(8849), OptionalInt.empty(), Optional.empty()));
    assertThat(g.lvsTimeouts()).contains(new LvsTimeouts(Optional.of(Duration.ofSeconds(900)), Optional.empty(),
        Optional.of(Duration.ofSeconds(60))));
    assertThat(g.vrrpStartupDelay()).isEqualTo(Duration.ofMillis(5500));
    assertThat(g.dynamicInterfaces()).isTrue();
    assertThat(g.allowIfChanges()).isTrue();
    assertThat(g.maxAutoPriority()).hasValue(99);
    assertThat(g.randomSeed()).hasValue(1234);
  }

  @Test
  void defaultsAreKeepalivedsAndInstancesInheritGlobalGarpSettings() {
    GlobalDefs d = GlobalDefs.defaults();
    assertThat(d.smtpConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.vrrpGarpMasterDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.vrrpGarpMasterRepeat()).isEqualTo(5);
    assertThat(d.vrrpVersion()).isEqualTo(2);
    assertThat(d.vrrpMcastGroup4().getHostAddress()).isEqualTo("224.0.0.18");
    assertThat(d.vrrpMcastGroup6().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:12");
    assertThat(d.minAutoPriorityDelay()).isEqualTo(Duration.ofSeconds(1));

    ParseResult r = parse("global_defs {\n  vrrp_garp_master_delay 9\n  vrrp_garp_master_refresh_repeat 4\n}\n"
        + "vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  virtual_ipaddress {\n    192.0.2.1\n  }\n}\n");
    VrrpInstance vi = r.config().vrrp().instance("VI").orElseThrow();
    assertThat(vi.garpMasterDelay()).isEqualTo(Duration.ofSeconds(9));
    assertThat(vi.garpMasterRefreshRepeat()).isEqualTo(4);
  }

  @Test
  void otherRegisteredKeywordsAreKeptAsWritten() {
    ParseResult r = parse("global_defs {\n  vrrp_priority -10\n  enable_snmp_vrrp\n  notify_fifo /run/ka.fifo root\n}\n");
    assertThat(errors(r)).isEmpty();
    assertThat(r.config().globalDefs().otherSettings()).containsExactly(
        new OtherSetting("vrrp_priority", List.of("-10"), new SourcePosition("t.conf", 2, 3)),
        new OtherSetting("enable_snmp_vrrp", List.of(), new SourcePosition("t.conf", 3, 3)),
        new OtherSetting("notify_fifo", List.of("/run/ka.fifo", "root"), new SourcePosition("t.conf", 4, 3)));
  }

  @Test
  void badValuesAreReportedAtTheirToken() {
    ParseResult r = parse("""
        global_defs {
          vrrp_version 4
          vrrp_mcast_group4 192.0.2.1
          smtp_connect_timeout 0
          vrrp_garp_master_repeat 0
          net_namespace_typo x
          smtp_server 192.0.2.500
        }
        net_namespace a
        net_namespace b
        """);
    assertThat(errors(r)).containsExactly(
        "2:16: number outside range [2, 3]: '4'",
        "3:21: vrrp_mcast_group4 is not multicast: '192.0.2.1'",
        "4:24: smtp_connect_timeout must be greater than 0, using 1: '0'",
        "5:27: vrrp_garp_master_repeat must be greater than 0, using 1: '0'",
        "6:3: unknown keyword in global_defs: 'net_namespace_typo'",
        "7:15: invalid smtp server: '192.0.2.500'",
        "10:1: duplicate net_namespace definition, ignored: 'net_namespace b'");
    GlobalDefs g = r.config().globalDefs();
    assertThat(g.vrrpVersion()).isEqualTo(2);
    assertThat(g.smtpConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(g.vrrpGarpMasterRepeat()).isEqualTo(1);
    assertThat(g.netNamespace()).contains("a");
  }
}
