package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.VrrpTestConfigs.errors;
import static io.keepalivedj.config.bind.VrrpTestConfigs.parse;
import static io.keepalivedj.config.bind.VrrpTestConfigs.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * keepalived's semantic checks of VRRP instances, sync groups and scripts, each at the offending
 * token's line and column. Each configuration was run through keepalived 2.2.7 -t in a namespace
 * with eth1: where it reports the problem, it fails (exit 5), as the ERROR here does.
 */
class VrrpDiagnosticsTest {

  private static final String VIP = "  virtual_ipaddress {\n    192.0.2.1/24\n  }\n";

  private static VrrpInstance only(ParseResult r) {
    assertThat(r.config().vrrp().vrrpInstances()).hasSize(1);
    return r.config().vrrp().vrrpInstances().get(0);
  }

  @Test
  void vridOutOfRange() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 256\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("3:21: number outside range [1, 255]: '256'");
    assertThat(r.config().vrrp().vrrpInstances()).isEmpty();
  }

  @Test
  void missingVrid() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("1:15: (VI) the virtual router id must be set: 'VI'");
  }

  @Test
  void priorityOutOfRangeFallsBackToDefault() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  priority 0\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("4:12: number outside range [1, 255]: '0'");
    assertThat(only(r).priority()).isEqualTo(100);
  }

  @Test
  void priority255IsTheAddressOwnerAndDefaultsStateToMaster() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  priority 255\n" + VIP + "}\n");
    assertThat(errors(r)).isEmpty();
    assertThat(only(r).state()).isEqualTo(VrrpState.MASTER);
  }

  @Test
  void nopreemptWithStateMasterIsReportedAndCleared() {
    ParseResult r = parse("vrrp_instance VI {\n  state MASTER\n  interface eth1\n  virtual_router_id 5\n"
        + "  priority 100\n  nopreempt\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly(
        "6:3: (VI) nopreempt will not work with initial state MASTER, nopreempt ignored: 'nopreempt'");
    assertThat(only(r).nopreempt()).isFalse();
    assertThat(only(r).state()).isEqualTo(VrrpState.MASTER);
  }

  @Test
  void nopreemptWithPriority255IsReportedAndCleared() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  priority 255\n  nopreempt\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly(
        "5:3: (VI) nopreempt is incompatible with priority 255, nopreempt ignored: 'nopreempt'");
    assertThat(only(r).nopreempt()).isFalse();
  }

  @Test
  void authPassLongerThan8IsTruncated() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  authentication {\n"
        + "    auth_type PASS\n    auth_pass 123456789\n  }\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("6:15: auth_pass longer than 8 characters, truncating to 8: '123456789'");
    assertThat(only(r).authentication().orElseThrow().authPass()).isEqualTo("12345678");
  }

  @Test
  void authenticationWithVersion3IsIgnored() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  version 3\n  authentication {\n"
        + "    auth_type AH\n    auth_pass secret\n  }\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly(
        "5:3: (VI) VRRP version 3 does not support authentication, ignored: 'authentication'");
    assertThat(only(r).authentication()).isEmpty();
  }

  @Test
  void unknownAuthType() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  authentication {\n"
        + "    auth_type MD5\n    auth_pass secret\n  }\n" + VIP + "}\n");
    assertThat(errors(r)).contains("5:15: invalid value: 'MD5'");
  }

  @Test
  void duplicateInstanceName() {
    String vi = "vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n" + VIP + "}\n";
    ParseResult r = parse(vi + vi.replace("id 5", "id 6"));
    assertThat(errors(r)).containsExactly("8:15: vrrp instance VI already defined: 'VI'");
    assertThat(only(r).virtualRouterId()).isEqualTo(5);
  }

  @Test
  void duplicateSyncGroupName() {
    String vis = "vrrp_instance A {\n  interface eth1\n  virtual_router_id 5\n" + VIP + "}\n"
        + "vrrp_instance B {\n  interface eth1\n  virtual_router_id 6\n" + VIP.replace(".1/", ".2/") + "}\n";
    String g = "vrrp_sync_group G {\n  group {\n    A\n    B\n  }\n}\n";
    ParseResult r = parse(vis + g + g);
    assertThat(errors(r)).containsExactly("21:17: vrrp sync group G already defined: 'G'");
    assertThat(r.config().vrrp().vrrpSyncGroups()).hasSize(1);
    assertThat(r.config().vrrp().vrrpSyncGroups().get(0).group()).containsExactly("A", "B");
  }

  @Test
  void aRepeatedNotifyScriptIsAnErrorInInstancesAndSyncGroupsAndTheFirstIsKept() {
    String vis = "vrrp_instance A {\n  interface eth1\n  virtual_router_id 5\n  notify_master /bin/a\n  notify_master /bin/b\n"
        + VIP + "}\n"
        + "vrrp_instance B {\n  interface eth1\n  virtual_router_id 6\n" + VIP.replace(".1/", ".2/") + "}\n";
    String g = "vrrp_sync_group G {\n  group {\n    A\n    B\n  }\n  notify /bin/g1\n  notify /bin/g2\n}\n";
    ParseResult r = parse(vis + g);
    int groupLine = (int) vis.lines().count() + 7;
    assertThat(errors(r)).containsExactly(
        "5:3: (A) notify_master script already specified, ignored: 'notify_master'",
        groupLine + ":3: vrrp group G: notify script already specified, ignored: 'notify'");
    assertThat(r.config().vrrp().vrrpInstances().get(0).notifyMaster().map(s -> s.argv().get(0))).contains("/bin/a");
    assertThat(r.config().vrrp().vrrpSyncGroups().get(0).notifyScript().map(s -> s.argv().get(0))).contains("/bin/g1");
  }

  @Test
  void duplicateVrrpScriptIsAWarningAndTheFirstIsUsed() {
    ParseResult r = parse("vrrp_script chk {\n  script /bin/true\n  weight 10\n}\n"
        + "vrrp_script chk {\n  script /bin/false\n}\n"
        + "vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  track_script {\n    chk\n  }\n" + VIP + "}\n");
    assertThat(errors(r)).isEmpty();
    assertThat(warnings(r)).containsExactly(
        "5:13: vrrp_script chk already defined; the first definition is used: 'chk'");
    assertThat(only(r).trackScript().get(0).weight()).isEqualTo(10);
  }

  @Test
  void unknownKeywordInEachBlock() {
    ParseResult r = parse("global_defs {\n  router_idd x\n}\n"
        + "vrrp_script chk {\n  script /bin/true\n  intervall 2\n}\n"
        + "vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  foo bar\n"
        + "  authentication {\n    auth_type PASS\n    auth_passwd x\n  }\n" + VIP + "}\n"
        + "vrrp_sync_group G {\n  group {\n    VI\n  }\n  bogus\n}\n");
    assertThat(errors(r)).contains(
        "2:3: unknown keyword in global_defs: 'router_idd'",
        "6:3: unknown keyword in vrrp_script: 'intervall'",
        "11:3: unknown keyword in vrrp_instance: 'foo'",
        "14:5: unknown keyword in authentication: 'auth_passwd'",
        "24:3: unknown keyword in vrrp_sync_group: 'bogus'");
  }

  @Test
  void trackScriptNamingAnUndefinedScript() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  track_script {\n    nope\n  }\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("5:5: (VI) track_script nope is not defined: 'nope'");
    assertThat(only(r).trackScript()).isEmpty();
  }

  @Test
  void trackScriptNamingAScriptDefinedLater() {
    // keepalived resolves the name when it reads the line: "track script chk not found".
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  track_script {\n    chk weight 5\n  }\n"
        + VIP + "}\nvrrp_script chk {\n  script /bin/true\n}\n");
    assertThat(errors(r)).containsExactly(
        "5:5: (VI) track_script chk is defined after this line; keepalived only finds one defined before: 'chk'");
  }

  @Test
  void syncGroupNamingAnUndefinedInstance() {
    ParseResult r = parse("vrrp_sync_group G {\n  group {\n    VI\n    NOPE\n  }\n}\n"
        + "vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly(
        "4:5: virtual router NOPE specified in sync group G doesn't exist, ignored: 'NOPE'",
        "1:17: sync group G has only 1 virtual router, which probably isn't what you want: 'G'");
    assertThat(r.config().vrrp().vrrpSyncGroups().get(0).group()).containsExactly("VI");
  }

  @Test
  void missingInterfaces() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth9\n  virtual_router_id 5\n  track_interface {\n    eth7 weight 10\n  }\n"
        + "  virtual_ipaddress {\n    192.0.2.1/24 dev eth8\n  }\n}\n");
    assertThat(errors(r)).containsExactly(
        "2:13: interface eth9 for vrrp_instance VI doesn't exist: 'eth9'",
        "5:5: interface eth7 for track_interface of VI doesn't exist: 'eth7'",
        "8:22: interface eth8 for ip address 192.0.2.1/24 doesn't exist: 'eth8'");
  }

  @Test
  void badAddressesAndPrefixes() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  virtual_ipaddress {\n"
        + "    192.0.2.300/24\n    192.0.2.4/33\n    192.0.2.5/24 brd 1.2.3\n    192.0.2.6/24\n    2001:db8::1/64\n  }\n"
        + "  unicast_peer {\n    192.0.2.x\n  }\n}\n");
    assertThat(errors(r)).containsExactly(
        "5:5: invalid IP address: '192.0.2.300/24'",
        "6:5: invalid prefix length: '192.0.2.4/33'",
        "7:22: invalid broadcast address, address ignored: '1.2.3'",
        "9:5: (VI) address family must match the instance's, address ignored: '2001:db8::1/64'",
        "12:5: invalid IP address: '192.0.2.x'");
  }

  @Test
  void duplicateVridOnTheSameInterfaceAndFamily() {
    ParseResult r = parse("vrrp_instance A {\n  interface eth1\n  virtual_router_id 5\n" + VIP + "}\n"
        + "vrrp_instance B {\n  interface eth1\n  virtual_router_id 5\n" + VIP.replace(".1/", ".2/") + "}\n"
        + "vrrp_instance C {\n  interface eth0\n  virtual_router_id 5\n" + VIP.replace(".1/", ".3/") + "}\n");
    assertThat(errors(r)).containsExactly("10:21: A and B both use VRID 5 with IPv4 on interface eth1: '5'");
  }

  @Test
  void sameVridOnOtherFamilyIsFine() {
    ParseResult r = parse("vrrp_instance A {\n  interface eth1\n  virtual_router_id 5\n" + VIP + "}\n"
        + "vrrp_instance B {\n  interface eth1\n  virtual_router_id 5\n  virtual_ipaddress {\n    fe80::1/64\n  }\n}\n");
    assertThat(errors(r)).isEmpty();
    assertThat(r.config().vrrp().instance("B").orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void fractionalAdvertIntIsRoundedForVersion2() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  advert_int 1.5\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly(
        "4:14: (VI) VRRPv2 advertisement interval must be an integer, rounding: '1.5'");
    assertThat(only(r).advertInt()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void fractionalAdvertIntIsKeptForVersion3InCentiseconds() {
    ParseResult ok = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  version 3\n  advert_int 0.25\n" + VIP + "}\n");
    assertThat(errors(ok)).isEmpty();
    assertThat(only(ok).advertInt()).isEqualTo(Duration.ofMillis(250));

    ParseResult rounded = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  version 3\n  advert_int 0.015\n" + VIP + "}\n");
    assertThat(errors(rounded)).containsExactly(
        "5:14: (VI) VRRPv3 advertisement interval must be in units of 10ms, rounding: '0.015'");
    assertThat(only(rounded).advertInt()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void advertIntAbove255IsRejected() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  advert_int 256\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("4:14: time outside range: '256'");
    assertThat(only(r).advertInt()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void unknownStateFallsBackToBackup() {
    ParseResult r = parse("vrrp_instance VI {\n  state MASTRE\n  interface eth1\n  virtual_router_id 5\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("2:9: (VI) unknown state, using BACKUP: 'MASTRE'");
    assertThat(only(r).state()).isEqualTo(VrrpState.BACKUP);
  }

  @Test
  void preemptDelayWithNopreemptIsReset() {
    ParseResult r = parse("vrrp_instance VI {\n  interface eth1\n  virtual_router_id 5\n  nopreempt\n  preempt_delay 10\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("5:17: (VI) preempt_delay is incompatible with nopreempt, ignored: '10'");
    assertThat(only(r).preemptDelay()).isEqualTo(Duration.ZERO);
    assertThat(only(r).nopreempt()).isTrue();
  }

  @Test
  void noInterfaceAndNoUnicast() {
    ParseResult r = parse("vrrp_instance VI {\n  virtual_router_id 5\n" + VIP + "}\n");
    assertThat(errors(r)).containsExactly("1:15: (VI) unknown interface: 'VI'");
  }
}
