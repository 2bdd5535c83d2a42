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
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE (uapi/linux/rtnetlink.h), laid out as iproute2 6.1
 * sends {@code ip route add TYPE DST table T proto P scope S src A via G metric M dev D}
 * (iproute.c iproute_modify adds attributes in command-line order, RTA_OIF last):
 *
 * <pre>
 * struct rtmsg { u8 rtm_family; u8 rtm_dst_len; u8 rtm_src_len; u8 rtm_tos; u8 rtm_table;
 *                u8 rtm_protocol; u8 rtm_scope; u8 rtm_type; u32 rtm_flags; }
 * [RTA_DST, omitted for /0], [RTA_TABLE if the id exceeds 255, rtm_table then RT_TABLE_UNSPEC],
 * [RTA_PREFSRC], [RTA_GATEWAY], [RTA_PRIORITY if the metric is not 0], [RTA_OIF]
 * </pre>
 */
public final class RouteCodec {
  private RouteCodec() {
  }

  /** {@code ip route add}: NLM_F_CREATE|NLM_F_EXCL, so an existing route fails with EEXIST. */
  public static NetlinkRequest encodeAdd(Route route) {
    return encode(route, RtnetlinkUapi.RTM_NEWROUTE,
        NetlinkUapi.NLM_F_ACK | NetlinkUapi.NLM_F_CREATE | NetlinkUapi.NLM_F_EXCL, "ip route add");
  }

  /** {@code ip route replace}: NLM_F_CREATE|NLM_F_REPLACE, adding or overwriting. */
  public static NetlinkRequest encodeReplace(Route route) {
    return encode(route, RtnetlinkUapi.RTM_NEWROUTE,
        NetlinkUapi.NLM_F_ACK | NetlinkUapi.NLM_F_CREATE | NetlinkUapi.NLM_F_REPLACE, "ip route replace");
  }

  /**
   * {@code ip route del} with the add's arguments: as ip does, rtm_scope is RT_SCOPE_NOWHERE
   * (any scope) and a unicast route's rtm_type RTN_UNSPEC (any type); destination, table,
   * protocol, source, gateway, metric and interface must match. ESRCH if no route does.
   */
  public static NetlinkRequest encodeDelete(Route route) {
    return encode(route, RtnetlinkUapi.RTM_DELROUTE, NetlinkUapi.NLM_F_ACK, "ip route del");
  }

  /** {@code ip route show table all} for one family (AF_INET, AF_INET6) or AF_UNSPEC. */
  public static NetlinkRequest encodeDump(int family) {
    return new AttributeWriter().putU8(family).putZeros(RtnetlinkUapi.RTMSG_SIZE - 1)
        .toRequest(RtnetlinkUapi.RTM_GETROUTE, NetlinkUapi.NLM_F_DUMP,
            (family == SocketUapi.AF_INET ? "ip -4 " : family == SocketUapi.AF_INET6 ? "ip -6 " : "ip ")
                + "route show table all");
  }

  private static NetlinkRequest encode(Route route, int messageType, int flags, String command) {
    boolean delete = messageType == RtnetlinkUapi.RTM_DELROUTE;
    boolean bigTable = Integer.compareUnsigned(route.table(), 0xff) > 0;
    int type = delete && route.type() == RouteType.UNICAST ? RtnetlinkUapi.RTN_UNSPEC : route.type().code();
    AttributeWriter w = new AttributeWriter()
        .putU8(route.family())
        .putU8(route.destination().prefixLength())
        .putU8(0) // rtm_src_len: source-specific routes are not modelled
        .putU8(0) // rtm_tos
        .putU8(bigTable ? RtnetlinkUapi.RT_TABLE_UNSPEC : route.table())
        .putU8(route.protocol().code())
        .putU8(delete ? RtnetlinkUapi.RT_SCOPE_NOWHERE : route.scope().code())
        .putU8(type)
        .putU32(0);
    StringBuilder text = new StringBuilder(command);
    if (route.type() != RouteType.UNICAST) {
      text.append(' ').append(route.type().ipName());
    }
    text.append(' ').append(route.destination()).append(" table ").append(route.tableId())
        .append(" proto ").append(route.protocol());
    if (!delete) {
      text.append(" scope ").append(route.scope());
    }
    if (route.destination().prefixLength() > 0) {
      w.bytes(RtnetlinkUapi.RTA_DST, route.destination().address().getAddress());
    }
    if (bigTable) {
      w.u32(RtnetlinkUapi.RTA_TABLE, route.table());
    }
    if (route.preferredSource().isPresent()) {
      w.bytes(RtnetlinkUapi.RTA_PREFSRC, route.preferredSource().get().getAddress());
      text.append(" src ").append(route.preferredSource().get().getHostAddress());
    }
    if (route.gateway().isPresent()) {
      w.bytes(RtnetlinkUapi.RTA_GATEWAY, route.gateway().get().getAddress());
      text.append(" via ").append(route.gateway().get().getHostAddress());
    }
    if (route.metric() != 0) {
      w.u32(RtnetlinkUapi.RTA_PRIORITY, (int) route.metric());
      text.append(" metric ").append(route.metric());
    }
    if (route.outputInterface() != 0) {
      w.u32(RtnetlinkUapi.RTA_OIF, route.outputInterface());
      text.append(" dev ifindex ").append(route.outputInterface());
    }
    return w.toRequest(messageType, flags, text.toString());
  }

  /** Decodes an RTM_NEWROUTE (a dump reply or notification) or an RTM_DELROUTE notification. */
  public static Decoding<Route> decode(NetlinkMessage message) {
    try {
      return new Decoding.Decoded<>(decodeOrThrow(message));
    } catch (NetlinkFormatException e) {
      return new Decoding.Rejected<>(e.reason(), e.getMessage());
    }
  }

  private static Route decodeOrThrow(NetlinkMessage message) throws NetlinkFormatException {
    if (message.type() != RtnetlinkUapi.RTM_NEWROUTE && message.type() != RtnetlinkUapi.RTM_DELROUTE) {
      throw new NetlinkFormatException(NetlinkReject.UNEXPECTED_MESSAGE_TYPE, "type " + message.type());
    }
    ByteBuffer p = message.payload();
    if (p.remaining() < RtnetlinkUapi.RTMSG_SIZE) {
      throw new NetlinkFormatException(NetlinkReject.FAMILY_HEADER_TRUNCATED,
          "rtmsg needs 12 bytes, has " + p.remaining());
    }
    int family = p.get(0) & 0xff;
    int dstLength = p.get(1) & 0xff;
    int srcLength = p.get(2) & 0xff;
    int headerTable = p.get(4) & 0xff;
    int protocol = p.get(5) & 0xff;
    int scope = p.get(6) & 0xff;
    int type = p.get(7) & 0xff;
    int addressLength = family == SocketUapi.AF_INET ? 4 : family == SocketUapi.AF_INET6 ? 16 : -1;
    if (addressLength < 0) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, "rtm_family " + family);
    }
    if (dstLength > addressLength * 8 || type > RtnetlinkUapi.RTN_XRESOLVE || type == RtnetlinkUapi.RTN_UNSPEC) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE,
          "rtm_dst_len " + dstLength + ", rtm_type " + type);
    }
    if (srcLength != 0) {
      throw new NetlinkFormatException(NetlinkReject.UNSUPPORTED_FEATURE, "source-specific route (from /" + srcLength + ")");
    }
    NetlinkAttributes attributes = NetlinkAttributes.parse(p.duplicate().position(RtnetlinkUapi.RTMSG_SIZE));
    for (int unsupported : new int[] {RtnetlinkUapi.RTA_MULTIPATH, RtnetlinkUapi.RTA_VIA,
        RtnetlinkUapi.RTA_NH_ID, RtnetlinkUapi.RTA_ENCAP}) {
      if (attributes.first(unsupported).isPresent()) {
        throw new NetlinkFormatException(NetlinkReject.UNSUPPORTED_FEATURE,
            "route attribute " + unsupported + " (multipath, RTA_VIA, nexthop object or encapsulation)");
      }
    }
    byte[] destination = new byte[addressLength];
    Optional<NetlinkAttribute> dst = attributes.first(RtnetlinkUapi.RTA_DST);
    if (dst.isPresent()) {
      destination = address(dst.get(), addressLength, "RTA_DST").getAddress();
    } else if (dstLength != 0) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_MISSING, "RTA_DST for a /" + dstLength);
    }
    int table = headerTable;
    Optional<NetlinkAttribute> tableAttribute = attributes.first(RtnetlinkUapi.RTA_TABLE);
    if (tableAttribute.isPresent()) {
      table = tableAttribute.get().u32();
    }
    Optional<InetAddress> source = Optional.empty();
    Optional<NetlinkAttribute> prefsrc = attributes.first(RtnetlinkUapi.RTA_PREFSRC);
    if (prefsrc.isPresent()) {
      source = Optional.of(address(prefsrc.get(), addressLength, "RTA_PREFSRC"));
    }
    Optional<InetAddress> gateway = Optional.empty();
    Optional<NetlinkAttribute> gatewayAttribute = attributes.first(RtnetlinkUapi.RTA_GATEWAY);
    if (gatewayAttribute.isPresent()) {
      gateway = Optional.of(address(gatewayAttribute.get(), addressLength, "RTA_GATEWAY"));
    }
    long metric = 0;
    Optional<NetlinkAttribute> priority = attributes.first(RtnetlinkUapi.RTA_PRIORITY);
    if (priority.isPresent()) {
      metric = Integer.toUnsignedLong(priority.get().u32());
    }
    int oif = 0;
    Optional<NetlinkAttribute> oifAttribute = attributes.first(RtnetlinkUapi.RTA_OIF);
    if (oifAttribute.isPresent()) {
      oif = oifAttribute.get().u32();
    }
    try {
      return new Route(new IpPrefix(InetAddress.getByAddress(destination), dstLength), table,
          RouteType.fromCode(type), new RouteProtocol(protocol), new AddressScope(scope), source, gateway,
          metric, oif);
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      throw new NetlinkFormatException(NetlinkReject.FIELD_OUT_OF_RANGE, e.getMessage());
    }
  }

  private static InetAddress address(NetlinkAttribute attribute, int length, String name)
      throws NetlinkFormatException {
    if (attribute.length() != length) {
      throw new NetlinkFormatException(NetlinkReject.ATTRIBUTE_VALUE_SIZE,
          name + " of " + attribute.length() + " bytes, expected " + length);
    }
    return attribute.inetAddress();
  }
}
