package io.keepalivedj.config.bind;

import java.util.regex.Pattern;
import io.keepalivedj.config.model.IpPrefix;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VirtualRoute;
import io.keepalivedj.config.model.VirtualRule;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds address, route and rule lines ({@code virtual_ipaddress}, {@code virtual_routes},
 * {@code virtual_rules} and their {@code static_*} counterparts), in the {@code ip addr},
 * {@code ip route} and {@code ip rule} syntax keepalived accepts (vrrp_ipaddress.c,
 * vrrp_iproute.c, vrrp_iprule.c).
 */
final class VrrpAddressBinder {
  private static final Pattern UP_TO_3_DIGITS = Pattern.compile("[0-9]{1,3}");
  private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]+)?");

  private VrrpAddressBinder() {}

  private static final Set<String> SCOPE_NAMES = Set.of("global", "site", "link", "host", "nowhere", "universe");

  /**
   * One address line; empty (after a diagnostic) when keepalived would skip it.
   *
   * @param staticAddress whether {@code track_group} is allowed (static) or {@code use_vmac} (VIP)
   * @param usedBy the block, for interface messages ("vrrp_instance VI")
   */
  static Optional<VirtualIpAddress> address(ConfigNode line, boolean staticAddress, String usedBy, BindContext ctx) {
    Token addrTok = line.keyword();
    Optional<IpPrefix> parsed = ctx.parsePrefix(addrTok);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    IpPrefix address = parsed.get();
    boolean explicitPrefix = addrTok.text().indexOf('/') >= 0;
    Optional<InetAddress> broadcast = Optional.empty();
    String brdSpecial = null;
    Token brdTok = null;
    Optional<String> dev = Optional.empty();
    Optional<String> scope = Optional.empty();
    Optional<String> label = Optional.empty();
    Optional<InetAddress> peer = Optional.empty();
    boolean home = false;
    boolean nodad = false;
    boolean mngtmpaddr = false;
    boolean noprefixroute = false;
    boolean autojoin = false;
    OptionalLong preferredLft = OptionalLong.empty();
    boolean noTrack = false;
    boolean useVmac = false;
    Optional<String> trackGroup = Optional.empty();
    List<Token> a = line.args();
    for (int i = 0; i < a.size(); i++) {
      Token opt = a.get(i);
      String w = opt.text();
      boolean takesValue = Set.of("dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft").contains(w)
          || (staticAddress && w.equals("track_group"));
      if (takesValue && i + 1 >= a.size()) {
        ctx.error(opt, "no " + w + " parameter for " + addrTok.text() + ", address ignored", w + " VALUE");
        return Optional.empty();
      }
      switch (w) {
        case "dev" -> {
          Token v = a.get(++i);
          if (dev.isPresent()) {
            ctx.error(opt, "device given more than once for " + addrTok.text() + ", address ignored", "one dev");
            return Optional.empty();
          }
          if (v.text().length() > 15) {
            ctx.error(v, "interface name too long, address ignored", "at most 15 characters");
            return Optional.empty();
          }
          ctx.checkInterface(v, "ip address " + addrTok.text());
          dev = Optional.of(v.text());
        }
        case "scope" -> {
          Token v = a.get(++i);
          if (SCOPE_NAMES.contains(v.text()) || UP_TO_3_DIGITS.matcher(v.text()).matches() && Integer.parseInt(v.text()) <= 255) {
            scope = Optional.of(v.text().equals("universe") ? "global" : v.text());
          } else {
            ctx.error(v, "invalid scope for " + addrTok.text() + ", ignored", "global, site, link, host, nowhere or 0..255");
          }
        }
        case "broadcast", "brd" -> {
          Token v = a.get(++i);
          if (!address.isIpv4()) {
            ctx.error(opt, "broadcast on the IPv6 address " + addrTok.text() + ", address ignored", "no brd for IPv6");
            return Optional.empty();
          }
          brdTok = v;
          if (v.text().equals("+") || v.text().equals("-")) {
            brdSpecial = v.text();
          } else {
            Optional<InetAddress> b = IpLiterals.parse(v.text()).filter(x -> x instanceof Inet4Address);
            if (b.isEmpty()) {
              ctx.error(v, "invalid broadcast address, address ignored", "an IPv4 address, + or -");
              return Optional.empty();
            }
            broadcast = b;
          }
        }
        case "label" -> {
          Token v = a.get(++i);
          if (v.text().length() > 15) {
            ctx.error(v, "address label longer than 15 characters, address ignored", "at most 15 characters");
            return Optional.empty();
          }
          label = Optional.of(v.text());
        }
        case "peer" -> {
          Token v = a.get(++i);
          if (peer.isPresent()) {
            ctx.error(v, "another peer has already been specified, ignored", "one peer");
            continue;
          }
          Optional<IpPrefix> p = ctx.parsePrefix(v);
          if (p.isEmpty()) {
            continue;
          }
          if (p.get().isIpv4() != address.isIpv4()) {
            ctx.error(v, "peer address does not match address family", "a peer of the address's family");
            continue;
          }
          if (explicitPrefix) {
            ctx.error(addrTok, "cannot give an address prefix with a peer address, ignored", "ADDRESS peer PEER/LEN");
          }
          peer = Optional.of(p.get().address());
          address = new IpPrefix(address.address(), p.get().prefixLength());
        }
        case "home" -> home = true;
        case "-nodad" -> nodad = true;
        case "mngtmpaddr" -> mngtmpaddr = true;
        case "noprefixroute" -> noprefixroute = true;
        case "autojoin" -> autojoin = true;
        case "no_track" -> noTrack = true;
        case "preferred_lft" -> {
          Token v = a.get(++i);
          if (v.text().equals("forever")) {
            preferredLft = OptionalLong.of(VirtualIpAddress.FOREVER);
          } else {
            OptionalLong l = ctx.parseLong(v, 0, VirtualIpAddress.FOREVER);
            if (l.isPresent()) {
              preferredLft = l;
            }
          }
        }
        default -> {
          if (staticAddress && w.equals("track_group")) {
            Token v = a.get(++i);
            if (trackGroup.isPresent()) {
              ctx.error(v, "track_group given twice", "one track_group");
            } else {
              trackGroup = Optional.of(v.text());
            }
          } else if (!staticAddress && w.equals("use_vmac")) {
            useVmac = true;
          } else {
            ctx.error(opt, "unknown configuration entry for ip address, ignored",
                "dev, scope, brd, label, peer, home, -nodad, mngtmpaddr, noprefixroute, autojoin, no_track, preferred_lft"
                    + (staticAddress ? ", track_group" : ", use_vmac"));
          }
        }
      }
    }
    if (brdSpecial != null && peer.isPresent() || broadcast.isPresent() && peer.isPresent()) {
      ctx.error(brdTok, "cannot give broadcast and peer addresses, broadcast ignored", "brd or peer");
      broadcast = Optional.empty();
    } else if (brdSpecial != null) {
      if (address.prefixLength() <= 30) {
        broadcast = Optional.of(broadcastOf(address, brdSpecial.equals("+")));
      } else {
        ctx.error(brdTok, "address prefix length too long for broadcast, ignored", "a prefix of /30 or shorter");
      }
    }
    if (!address.isIpv4()) {
      if (scope.isPresent()) {
        ctx.error(addrTok, "cannot give a scope for IPv6 addresses, scope ignored", "no scope for IPv6");
        scope = Optional.empty();
      }
      if (label.isPresent()) {
        ctx.error(addrTok, "cannot give a label for IPv6 addresses, label ignored", "no label for IPv6");
        label = Optional.empty();
      }
    }
    if (trackGroup.isPresent() && dev.isEmpty()) {
      ctx.error(addrTok, "a static address with track_group needs dev, track_group ignored", "dev IFNAME");
      trackGroup = Optional.empty();
    }
    return Optional.of(new VirtualIpAddress(address, broadcast, dev, scope, label, peer, home, nodad, mngtmpaddr,
        noprefixroute, autojoin, preferredLft, noTrack, useVmac, trackGroup, line.position()));
  }

  private static InetAddress broadcastOf(IpPrefix p, boolean hostBitsSet) {
    byte[] b = p.address().getAddress();
    int addr = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    int mask = p.prefixLength() == 0 ? -1 : (int) (0xFFFF_FFFFL >>> p.prefixLength());
    int brd = hostBitsSet ? addr | mask : addr & ~mask;
    try {
      return InetAddress.getByAddress(new byte[] {(byte) (brd >>> 24), (byte) (brd >>> 16), (byte) (brd >>> 8), (byte) brd});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static final Set<String> ROUTE_TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit", "throw",
      "local", "broadcast", "multicast", "nat", "anycast");
  /** iproute2 route options that take one value, kept as written. */
  private static final Set<String> ROUTE_VALUE_OPTIONS = Set.of("mtu", "advmss", "rtt", "rttvar", "reordering",
      "window", "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd", "features", "quickack",
      "congctl", "pref", "expires", "fastopen_no_cookie", "tos", "dsfield", "hoplimit", "from", "vrf", "ttl-propagate");

  /** One route line; empty (after a diagnostic) when keepalived would skip it. */
  static Optional<VirtualRoute> route(ConfigNode line, boolean staticRoute, BindContext ctx) {
    List<Token> words = new ArrayList<>();
    words.add(line.keyword());
    words.addAll(line.args());
    Optional<String> type = Optional.empty();
    IpPrefix to = null;
    boolean inet6 = false;
    Optional<InetAddress> src = Optional.empty();
    Optional<InetAddress> via = Optional.empty();
    Optional<String> dev = Optional.empty();
    Optional<String> table = Optional.empty();
    OptionalLong metric = OptionalLong.empty();
    Optional<String> scope = Optional.empty();
    Optional<String> proto = Optional.empty();
    boolean noTrack = false;
    Optional<String> trackGroup = Optional.empty();
    List<String> options = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      String w = t.text();
      boolean hasValue = i + 1 < words.size();
      if (i == 0 && ROUTE_TYPES.contains(w)) {
        type = Optional.of(w);
        continue;
      }
      switch (w) {
        case "inet6" -> inet6 = true;
        case "inet" -> inet6 = false;
        case "no_track" -> noTrack = true;
        case "nexthop" -> {
          // Multipath: the rest of the line belongs to the next hops; kept as written.
          for (int j = i; j < words.size(); j++) {
            options.add(words.get(j).text());
          }
          i = words.size();
        }
        case "src", "via", "gw", "dev", "oif", "table", "metric", "priority", "preference", "scope", "proto",
            "protocol", "to", "track_group" -> {
          if (!hasValue) {
            ctx.error(t, "no value for " + w, w + " VALUE");
            return Optional.empty();
          }
          Token v = words.get(++i);
          switch (w) {
            case "src" -> {
              src = ctx.parseAddress(v);
              if (src.isEmpty()) {
                return Optional.empty();
              }
            }
            case "via", "gw" -> {
              via = ctx.parseAddress(v);
              if (via.isEmpty()) {
                return Optional.empty();
              }
            }
            case "dev", "oif" -> {
              if (v.text().length() > 15) {
                ctx.error(v, "interface name too long", "at most 15 characters");
                return Optional.empty();
              }
              ctx.checkInterface(v, "route");
              dev = Optional.of(v.text());
            }
            case "table" -> table = Optional.of(v.text());
            case "metric", "priority", "preference" -> {
              metric = ctx.parseLong(v, 0, 0xFFFF_FFFFL);
              if (metric.isEmpty()) {
                return Optional.empty();
              }
            }
            case "scope" -> scope = Optional.of(v.text());
            case "proto", "protocol" -> proto = Optional.of(v.text());
            case "track_group" -> {
              if (!staticRoute) {
                ctx.error(t, "track_group is only for static routes", "a static_routes line");
              } else {
                trackGroup = Optional.of(v.text());
              }
            }
            default -> {
              if (to != null) {
                ctx.error(v, "route destination given twice", "one destination");
                return Optional.empty();
              }
              to = destination(v, inet6, ctx);
              if (to == null) {
                return Optional.empty();
              }
            }
          }
        }
        default -> {
          if (ROUTE_VALUE_OPTIONS.contains(w) && hasValue) {
            options.add(w);
            options.add(words.get(++i).text());
          } else if (to == null && (w.equals("default") || ADDRESS_LIKE.matcher(w).matches())) {
            to = destination(t, inet6, ctx);
            if (to == null) {
              return Optional.empty();
            }
          } else {
            options.add(w);
          }
        }
      }
    }
    if (to == null) {
      ctx.error(line, "route has no destination, ignored", "PREFIX or default");
      return Optional.empty();
    }
    try {
      return Optional.of(new VirtualRoute(type, to, src, via, dev, table, metric, scope, proto, noTrack, trackGroup,
          options, line.position()));
    } catch (IllegalArgumentException e) {
      ctx.error(line, "invalid route: " + e.getMessage(), "addresses of one family");
      return Optional.empty();
    }
  }

  private static IpPrefix destination(Token t, boolean inet6, BindContext ctx) {
    if (t.text().equals("default")) {
      return new IpPrefix(inet6 ? any6() : any4(), 0);
    }
    return ctx.parsePrefix(t).orElse(null);
  }

  private static InetAddress any4() {
    return IpLiterals.parse("0.0.0.0").orElseThrow();
  }

  private static InetAddress any6() {
    return IpLiterals.parse("::").orElseThrow();
  }

  /** iproute2 rule options that take one value, kept as written. */
  private static final Set<String> RULE_VALUE_OPTIONS = Set.of("tos", "dsfield", "uidrange", "ipproto", "sport",
      "dport", "goto", "realms", "suppress_prefixlength", "suppress_ifgroup", "protocol", "nat", "l3mdev_table");

  /** One rule line; empty (after a diagnostic) when keepalived would skip it. */
  static Optional<VirtualRule> rule(ConfigNode line, boolean staticRule, BindContext ctx) {
    List<Token> words = new ArrayList<>();
    words.add(line.keyword());
    words.addAll(line.args());
    boolean not = false;
    Optional<IpPrefix> from = Optional.empty();
    Optional<IpPrefix> to = Optional.empty();
    Optional<String> iif = Optional.empty();
    Optional<String> oif = Optional.empty();
    Optional<String> fwmark = Optional.empty();
    OptionalLong priority = OptionalLong.empty();
    Optional<String> table = Optional.empty();
    boolean noTrack = false;
    Optional<String> trackGroup = Optional.empty();
    List<String> options = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      String w = t.text();
      boolean hasValue = i + 1 < words.size();
      switch (w) {
        case "not" -> not = true;
        case "no_track" -> noTrack = true;
        case "inet", "inet6" -> options.add(w);
        case "from", "to", "iif", "dev", "oif", "fwmark", "priority", "preference", "pref", "table", "lookup",
            "track_group" -> {
          if (!hasValue) {
            ctx.error(t, "no value for " + w, w + " VALUE");
            return Optional.empty();
          }
          Token v = words.get(++i);
          switch (w) {
            case "from", "to" -> {
              if (!v.text().equals("all")) {
                Optional<IpPrefix> p = ctx.parsePrefix(v);
                if (p.isEmpty()) {
                  return Optional.empty();
                }
                if (w.equals("from")) {
                  from = p;
                } else {
                  to = p;
                }
              }
            }
            case "iif", "dev", "oif" -> {
              if (v.text().length() > 15) {
                ctx.error(v, "interface name too long", "at most 15 characters");
                return Optional.empty();
              }
              ctx.checkInterface(v, "rule");
              if (w.equals("oif")) {
                oif = Optional.of(v.text());
              } else {
                iif = Optional.of(v.text());
              }
            }
            case "fwmark" -> fwmark = Optional.of(v.text());
            case "priority", "preference", "pref" -> {
              priority = ctx.parseLong(v, 0, 0xFFFF_FFFFL);
              if (priority.isEmpty()) {
                return Optional.empty();
              }
            }
            case "track_group" -> {
              if (!staticRule) {
                ctx.error(t, "track_group is only for static rules", "a static_rules line");
              } else {
                trackGroup = Optional.of(v.text());
              }
            }
            default -> table = Optional.of(v.text());
          }
        }
        default -> {
          if (RULE_VALUE_OPTIONS.contains(w) && hasValue) {
            options.add(w);
            options.add(words.get(++i).text());
          } else {
            options.add(w);
          }
        }
      }
    }
    try {
      return Optional.of(new VirtualRule(not, from, to, iif, oif, fwmark, priority, table, noTrack, trackGroup,
          options, line.position()));
    } catch (IllegalArgumentException e) {
      ctx.error(line, "invalid rule: " + e.getMessage(), "from and to of one family");
      return Optional.empty();
    }
  }
}
