package io.keepalivedj.linux.rtnetlink;

import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.netlink.AttributeWriter;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.NetlinkAttribute;
import io.keepalivedj.linux.netlink.NetlinkAttributes;
import io.keepalivedj.linux.netlink.NetlinkFormatException;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkReject;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import io.keepalivedj.linux.netlink.NetlinkUapi;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE (uapi/linux/fib_rules.h), laid out as iproute2 6.1
 * sends {@code ip rule add from S to D priority P fwmark M/K iif I oif O table T} (iprule.c
 * iprule_modify adds attributes in command-line order):
 *
 * <pre>
 * struct fib_rule_hdr { u8 family; u8 dst_len; u8 src_len; u8 tos; u8 table; u8 res1; u8 res2;
 *                       u8 action; u32 flags; }
 * [FRA_SRC], [FRA_DST], [FRA_PRIORITY], [FRA_FWMARK], [FRA_FWMASK unless all bits],
 * [FRA_IIFNAME], [FRA_OIFNAME], [FRA_TABLE if the id exceeds 255, table then RT_TABLE_UNSPEC],
 * [FRA_GOTO], [FRA_PROTOCOL unless unspec]
 * </pre>
 */
public final class RuleCodec {
  private RuleCodec() {
  }

  /** {@code ip rule add}: NLM_F_CREATE|NLM_F_EXCL, so an identical rule fails with EEXIST. */
  public static NetlinkRequest encodeAdd(RoutingRule rule) {
    return encode(rule, RtnetlinkUapi.RTM_NEWRULE,
        NetlinkUapi.NLM_F_ACK | NetlinkUapi.NLM_F_CREATE | NetlinkUapi.NLM_F_EXCL, "ip rule add");
  }

  /**
   * {@code ip rule del} with the add's arguments: the kernel removes the first rule matching
   * them (ENOENT if none). As ip does, a lookup rule is deleted with action FR_ACT_UNSPEC
   * (any action); the other actions are sent.
   */
  public static NetlinkRequest encodeDelete(RoutingRule rule) {
    return encode(rule, RtnetlinkUapi.RTM_DELRULE, NetlinkUapi.NLM_F_ACK, "ip rule del");
  }

  /** {@code ip [-6] rule show}: the rules of AF_INET or AF_INET6 (AF_UNSPEC: every family). */
  public static NetlinkRequest encodeDump(int family) {
    return new AttributeWriter().putU8(family).putZeros(FibRulesUapi.FIB_RULE_HDR_SIZE - 1)
        .toRequest(RtnetlinkUapi.RTM_GETRULE, NetlinkUapi.NLM_F_DUMP,
            (family == SocketUapi.AF_INET6 ? "ip -6 " : "ip ") + "rule show");
  }

  private static NetlinkRequest encode(RoutingRule rule, int messageType, int flags, String command) {
    boolean bigTable = Integer.compareUnsigned(rule.table(), 0xff) > 0;
    AttributeWriter w = new AttributeWriter()
        .putU8(rule.family())
        .putU8(rule.destination().map(IpPrefix::prefixLength).orElse(0))
        .putU8(rule.source().map(IpPrefix::prefixLength).orElse(0))
        .putU8(0) // tos
        .putU8(bigTable ? RtnetlinkUapi.RT_TABLE_UNSPEC : rule.table())
        .putU8(0) // res1
        .putU8(0) // res2
        .putU8(messageType == RtnetlinkUapi.RTM_DELRULE && rule.action() == RuleAction.TO_TABLE
            ? FibRulesUapi.FR_ACT_UNSPEC : rule.action().code())
        .putU32(0); // flags: "not" is not modelled
    StringBuilder text = new StringBuilder(rule.family() == SocketUapi.AF_INET6 ? "ip -6 " : "ip ")
        .append(command.substring(3));
    rule.source().ifPresent(s -> {
      w.bytes(FibRulesUapi.FRA_SRC, s.address().getAddress());
      text.append(" from ").append(s);
    });
    rule.destination().ifPresent(d -> {
      w.bytes(FibRulesUapi.FRA_DST, d.address().getAddress());
      text.append(" to ").append(d);
    });
    if (rule.priority().isPresent()) {
      w.u32(FibRulesUapi.FRA_PRIORITY, (int) rule.priority().getAsLong());
      text.append(" priority ").append(rule.priority().getAsLong());
    }
    if (rule.fwmark().isPresent()) {
      w.u32(FibRulesUapi.FRA_FWMARK, (int) rule.fwmark().getAsLong());
      text.append(" fwmark 0x").append(Long.toHexString(rule.fwmark().getAsLong()));
      if (rule.fwmask() != RoutingRule.ALL_MARK_BITS) {
        w.u32(FibRulesUapi.FRA_FWMASK, (int) rule.fwmask());
        text.append("/0x").append(Long.toHexString(rule.fwmask()));
      }
    }
    rule.inputInterface().ifPresent(i -> {
      w.string(FibRulesUapi.FRA_IIFNAME, i);
      text.append(" iif ").append(i);
    });
    rule.outputInterface().ifPresent(o -> {
      w.string(FibRulesUapi.FRA_OIFNAME, o);
      text.append(" oif ").append(o);
    });
    if (bigTable) {
      w.u32(FibRulesUapi.FRA_TABLE, rule.table());
    }
    if (rule.action() == RuleAction.TO_TABLE) {
      text.append(" table ").append(Integer.toUnsignedString(rule.table()));
    } else if (rule.action() == RuleAction.GOTO) {
      w.u32(FibRulesUapi.FRA_GOTO, (int) rule.gotoTarget());
      text.append(" goto ").append(rule.gotoTarget());
    } else {
      text.append(' ').append(rule.action().ipName());
    }
    if (!rule.protocol().equals(RouteProtocol.UNSPEC)) {
      w.u8(FibRulesUapi.FRA_PROTOCOL, rule.protocol().code());
      text.append(" protocol ").append(rule.protocol());
    }
    return w.toRequest(messageType, flags, text.toString());
  }

  /** Decodes an RTM_NEWRULE (a dump reply or notification) or an RTM_DELRULE notification. */
  public static Decoding<RoutingRule> decode(NetlinkMessage message) {
    try {
      return new Decoding.Decoded<>(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static RoutingRule decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    if (message.type() != RtnetlinkUapi.RTM_NEWRULE && message.type() != RtnetlinkUapi.RTM_DELRULE) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE, "type " + message.type());
    }
    ByteBuffer p = message.payload();
    if (p.remaining() < FibRulesUapi.FIB_RULE_HDR_SIZE) {
      throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
          "fib_rule_hdr needs 12 bytes, has " + p.remaining());
    }
    int family = p.get(0) & 0xff;
    int dstLength = p.get(1) & 0xff;
    int srcLength = p.get(2) & 0xff;
    int tos = p.get(3) & 0xff;
    int headerTable = p.get(4) & 0xff;
    int actionCode = p.get(7) & 0xff;
    int flags = p.getInt(8);
    int addressLength = family == SocketUapi.AF_INET ? 4 : family == SocketUapi.AF_INET6 ? 16 : -1;
    if (addressLength < 0 || dstLength > addressLength * 8 || srcLength > addressLength * 8) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE,
          "family " + family + ", dst_len " + dstLength + ", src_len " + srcLength);
    }
    RuleAction action;
    try {
      action = RuleAction.fromCode(actionCode);
    } catch (IllegalArgumentException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
    }
    if (tos != 0 || (flags & FibRulesUapi.FIB_RULE_INVERT) != 0) {
      throw new NetlinkFormatException(NetlinkReject.UNSUPPORTED_FEATURE, "rule with tos " + tos
          + (((flags & FibRulesUapi.FIB_RULE_INVERT) != 0) ? " and 'not'" : ""));
    }
    NetlinkAttributes attributes = NetlinkAttributes.parse(p.duplicate().position(FibRulesUapi.FIB_RULE_HDR_SIZE));
    checkUnsupported(attributes);
    Optional<IpPrefix> source = prefix(attributes, FibRulesUapi.FRA_SRC, srcLength, addressLength, "FRA_SRC");
    Optional<IpPrefix> destination = prefix(attributes, FibRulesUapi.FRA_DST, dstLength, addressLength, "FRA_DST");
    int table = headerTable;
    Optional<NetlinkAttribute> tableAttribute = attributes.first(FibRulesUapi.FRA_TABLE);
    if (tableAttribute.isPresent()) {
      table = tableAttribute.get().u32();
    }
    long priority = 0;
    Optional<NetlinkAttribute> priorityAttribute = attributes.first(FibRulesUapi.FRA_PRIORITY);
    if (priorityAttribute.isPresent()) {
      priority = Integer.toUnsignedLong(priorityAttribute.get().u32());
    }
    // The kernel lists FRA_FWMARK when the mark is non-zero and FRA_FWMASK when mark or mask is
    // (net/core/fib_rules.c fib_nl_fill_rule): "fwmark 0/0xff" comes as a mask alone.
    Optional<NetlinkAttribute> markAttribute = attributes.first(FibRulesUapi.FRA_FWMARK);
    Optional<NetlinkAttribute> maskAttribute = attributes.first(FibRulesUapi.FRA_FWMASK);
    OptionalLong fwmark = OptionalLong.empty();
    long fwmask = RoutingRule.ALL_MARK_BITS;
    if (markAttribute.isPresent() || maskAttribute.isPresent()) {
      fwmark = OptionalLong.of(markAttribute.isPresent() ? Integer.toUnsignedLong(markAttribute.get().u32()) : 0);
      if (maskAttribute.isPresent()) {
        fwmask = Integer.toUnsignedLong(maskAttribute.get().u32());
      }
    }
    Optional<String> iif = Optional.empty();
    Optional<NetlinkAttribute> iifAttribute = attributes.first(FibRulesUapi.FRA_IIFNAME);
    if (iifAttribute.isPresent()) {
      iif = Optional.of(iifAttribute.get().string());
    }
    Optional<String> oif = Optional.empty();
    Optional<NetlinkAttribute> oifAttribute = attributes.first(FibRulesUapi.FRA_OIFNAME);
    if (oifAttribute.isPresent()) {
      oif = Optional.of(oifAttribute.get().string());
    }
    long gotoTarget = 0;
    Optional<NetlinkAttribute> gotoAttribute = attributes.first(FibRulesUapi.FRA_GOTO);
    if (gotoAttribute.isPresent()) {
      gotoTarget = Integer.toUnsignedLong(gotoAttribute.get().u32());
    }
    int protocol = 0;
    Optional<NetlinkAttribute> protocolAttribute = attributes.first(FibRulesUapi.FRA_PROTOCOL);
    if (protocolAttribute.isPresent()) {
      protocol = protocolAttribute.get().u8();
    }
    try {
      return new RoutingRule(family, OptionalLong.of(priority), source, destination, fwmark, fwmask, iif, oif,
          action, action == RuleAction.TO_TABLE ? table : 0, action == RuleAction.GOTO ? gotoTarget : 0,
          new RouteProtocol(protocol));
    } catch (IllegalArgumentException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
    }
  }

  /** Selectors RoutingRule lacks: a rule using one is not decoded rather than misstated. */
  private static void checkUnsupported(NetlinkAttributes attributes) throws NetlinkFormatException {
    for (int type : new int[] {FibRulesUapi.FRA_FLOW, FibRulesUapi.FRA_TUN_ID, FibRulesUapi.FRA_UID_RANGE,
        FibRulesUapi.FRA_IP_PROTO, FibRulesUapi.FRA_SPORT_RANGE, FibRulesUapi.FRA_DPORT_RANGE}) {
      if (attributes.first(type).isPresent()) {
        throw new NetlinkFormatException(NetlinkReject.UNSUPPORTED_FEATURE, "rule attribute " + type);
      }
    }
    Optional<NetlinkAttribute> l3mdev = attributes.first(FibRulesUapi.FRA_L3MDEV);
    if (l3mdev.isPresent() && l3mdev.get().u8() != 0) {
      throw new NetlinkFormatException(NetlinkReject.UNSUPPORTED_FEATURE, "l3mdev rule");
    }
    // Both default to -1 ("not set"); the kernel always lists the prefix length.
    for (int type : new int[] {FibRulesUapi.FRA_SUPPRESS_PREFIXLEN, FibRulesUapi.FRA_SUPPRESS_IFGROUP}) {
      Optional<NetlinkAttribute> suppress = attributes.first(type);
      if (suppress.isPresent() && suppress.get().u32() != -1) {
        throw new NetlinkFormatException(NetlinkReject.UNSUPPORTED_FEATURE, "suppress_* rule (attribute " + type + ")");
      }
    }
  }

  private static Optional<IpPrefix> prefix(NetlinkAttributes attributes, int type, int length, int addressLength,
      String name) throws NetlinkFormatException {
    Optional<NetlinkAttribute> attribute = attributes.first(type);
    if (attribute.isEmpty()) {
      if (length != 0) {
        throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_MISSING, name + " for a /" + length);
      }
      return Optional.empty();
    }
    if (attribute.get().length() != addressLength) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE,
          name + " of " + attribute.get().length() + " bytes, expected " + addressLength);
    }
    try {
      return Optional.of(new IpPrefix(InetAddress.getByAddress(attribute.get().bytes()), length));
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, name + ": " + e.getMessage());
    }
  }
}
