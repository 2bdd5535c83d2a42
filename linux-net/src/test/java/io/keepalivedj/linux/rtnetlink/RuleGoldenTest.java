package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.netlink.AttributeWriter;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.Golden;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkMessageCodec;
import io.keepalivedj.linux.netlink.NetlinkReject;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RuleCodec against iproute2 6.1's {@code ip rule} requests and the kernel's rule dump (golden/README.md). */
class RuleGoldenTest {
  private static void assertEncodesAs(NetlinkRequest request, String vector) {
    byte[] ours = Golden.toArray(NetlinkMessageCodec.encode(request, Golden.seq(vector), 0));
    assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(Golden.firstMessage(vector)));
  }

  /** ip rule add from 192.0.2.0/24 to 198.51.100.0/24 priority 100 fwmark 0x10/0xff iif veth0 oif veth1 table 100 */
  private static RoutingRule everySelector() {
    return RoutingRule.lookup(SocketUapi.AF_INET, 100)
        .withSource(IpPrefix.parse("192.0.2.0/24")).withDestination(IpPrefix.parse("198.51.100.0/24"))
        .withPriority(100).withFwmark(0x10, 0xff).withInputInterface("veth0").withOutputInterface("veth1");
  }

  private static RoutingRule table1000() {
    // ip rule add priority 300 fwmark 0x20 table 1000: no FRA_FWMASK, table in FRA_TABLE
    return RoutingRule.lookup(SocketUapi.AF_INET, 1000).withPriority(300).withFwmark(0x20, RoutingRule.ALL_MARK_BITS);
  }

  @Test
  void addAndDeleteWithEverySelectorMatchIp() {
    assertEncodesAs(RuleCodec.encodeAdd(everySelector()), "rule-add-v4-00-send");
    assertEncodesAs(RuleCodec.encodeDelete(everySelector()), "rule-del-v4-00-send");
    assertThat(RuleCodec.encodeAdd(everySelector()).operation()).isEqualTo("ip rule add from 192.0.2.0/24"
        + " to 198.51.100.0/24 priority 100 fwmark 0x10/0xff iif veth0 oif veth1 table 100");
  }

  @Test
  void prohibitAndBigTableRulesMatchIp() {
    // ip -6 rule add from 2001:db8::/32 priority 200 prohibit
    assertEncodesAs(RuleCodec.encodeAdd(RoutingRule.of(SocketUapi.AF_INET6, RuleAction.PROHIBIT)
        .withSource(IpPrefix.parse("2001:db8::/32")).withPriority(200)), "rule-add-v6-prohibit-00-send");
    assertEncodesAs(RuleCodec.encodeAdd(table1000()), "rule-add-table-1000-00-send");
    assertEncodesAs(RuleCodec.encodeDump(SocketUapi.AF_INET), "rule-dump-00-send");
  }

  private static List<NetlinkMessage> dump() throws Exception {
    List<NetlinkMessage> rules = new ArrayList<>();
    for (NetlinkMessage message : NetlinkMessageCodec.decode(Golden.buffer("rule-dump-01-recv")).orThrow()) {
      if (message.type() == RtnetlinkUapi.RTM_NEWRULE) {
        rules.add(message);
      }
    }
    return rules;
  }

  @Test
  void decodesTheKernelsRuleDump() throws Exception {
    List<RoutingRule> rules = new ArrayList<>();
    for (NetlinkMessage message : dump()) {
      rules.add(RuleCodec.decode(message).orThrow());
    }
    RoutingRule kernel = RoutingRule.lookup(SocketUapi.AF_INET, RtnetlinkUapi.RT_TABLE_LOCAL)
        .withProtocol(RouteProtocol.KERNEL);
    assertThat(rules).containsExactly(
        kernel.withPriority(0),
        table1000(),
        RoutingRule.lookup(SocketUapi.AF_INET, RtnetlinkUapi.RT_TABLE_MAIN).withProtocol(RouteProtocol.KERNEL)
            .withPriority(32766),
        RoutingRule.lookup(SocketUapi.AF_INET, RtnetlinkUapi.RT_TABLE_DEFAULT).withProtocol(RouteProtocol.KERNEL)
            .withPriority(32767));
  }

  @Test
  void rejectsRulesThatLieOrThatItCannotRepresent() throws Exception {
    NetlinkMessage main = dump().get(2);
    byte[] inverted = Golden.toArray(main.payload());
    inverted[8] |= FibRulesUapi.FIB_RULE_INVERT; // "ip rule add not ..."
    assertThat(reason(RouteGoldenTest.message(main.type(), inverted))).isEqualTo(NetlinkReject.UNSUPPORTED_FEATURE);
    byte[] reservedAction = Golden.toArray(main.payload());
    reservedAction[7] = 4; // FR_ACT_RES3
    assertThat(reason(RouteGoldenTest.message(main.type(), reservedAction))).isEqualTo(NetlinkReject.FIELD_OUT_OF_RANGE);
    // a uid range selector, which RoutingRule has no field for
    assertThat(reason(RouteGoldenTest.withAttribute(main,
        new AttributeWriter().bytes(FibRulesUapi.FRA_UID_RANGE, new byte[8])))).isEqualTo(NetlinkReject.UNSUPPORTED_FEATURE);
    // an IPv6-sized FRA_SRC on an IPv4 rule with src_len 24
    byte[] sourced = Golden.toArray(main.payload());
    sourced[2] = 24;
    assertThat(reason(RouteGoldenTest.withAttribute(RouteGoldenTest.message(main.type(), sourced),
        new AttributeWriter().bytes(FibRulesUapi.FRA_SRC, new byte[16])))).isEqualTo(NetlinkReject.ATTRIBUTE_VALUE_SIZE);
  }

  private static NetlinkReject reason(NetlinkMessage message) {
    Decoding<RoutingRule> decoding = RuleCodec.decode(message);
    assertThat(decoding).isInstanceOf(Decoding.Rejected.class);
    return ((Decoding.Rejected<RoutingRule>) decoding).reason();
  }
}
