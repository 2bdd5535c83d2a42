package io.keepalivedj.config.bind;

import java.util.regex.Pattern;
import io.keepalivedj.config.model.LvsIpFamily;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsProtocol;
import io.keepalivedj.config.model.LvsScheduler;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binds one {@code virtual_server} block as written (keepalived 2.2.7 check_parser.c, the
 * keywords installed after {@code virtual_server}). Checks that need the whole virtual server or
 * the groups are {@link VirtualServerValidator}'s.
 */
final class VirtualServerBinder {
  private static final Pattern UP_TO_3_DIGITS = Pattern.compile("[0-9]{1,3}");

  private VirtualServerBinder() {}

  /** A virtual server as written; the validator applies keepalived's fallbacks and builds it. */
  static final class Draft {
    final ConfigNode node;
    final VirtualServerEndpoint endpoint;
    final VirtualServer.Builder builder;
    Optional<LvsIpFamily> family = Optional.empty();
    Optional<LvsIpFamily> ipFamily = Optional.empty();
    Optional<LvsScheduler> lvsSched = Optional.empty();
    boolean schedReported;
    Optional<LvsValues.Forwarding> forwarding = Optional.empty();
    Optional<LvsProtocol> protocol = Optional.empty();
    ConfigNode protocolNode;
    Optional<Duration> persistenceTimeout = Optional.empty();
    boolean ops;
    ConfigNode opsNode;
    boolean haSuspend;
    ConfigNode haSuspendNode;
    long quorum = 1;
    ConfigNode quorumNode;
    long hysteresis;
    ConfigNode hysteresisNode;
    int weight = 1;
    Optional<SorryDraft> sorry = Optional.empty();
    final List<RealServerBinder.Draft> realServers = new ArrayList<>();

    Draft(ConfigNode node, VirtualServerEndpoint endpoint) {
      this.node = node;
      this.endpoint = endpoint;
      this.builder = VirtualServer.builder(endpoint).position(node.position());
      if (endpoint instanceof VirtualServerEndpoint.Address) {
        family = Optional.of(LvsIpFamily.of(((VirtualServerEndpoint.Address) endpoint).ip()));
      }
    }

    String describe() {
      return "virtual_server " + endpoint;
    }
  }

  /** {@code sorry_server IP [PORT]} and its refinements as written. */
  static final class SorryDraft {
    final ConfigNode node;
    final InetAddress ip;
    int port;
    boolean inhibit;
    Optional<LvsValues.Forwarding> forwarding = Optional.empty();

    SorryDraft(ConfigNode node, InetAddress ip, int port) {
      this.node = node;
      this.ip = ip;
      this.port = port;
    }
  }

  /** The virtual server, or empty (after a diagnostic) when keepalived would skip the block. */
  static Optional<Draft> bind(ConfigNode node, BindContext ctx, LvsReferences refs) {
    Optional<VirtualServerEndpoint> endpoint = endpoint(node, ctx);
    if (endpoint.isEmpty() || !ctx.requireBlock(node)) {
      return Optional.empty();
    }
    Draft d = new Draft(node, endpoint.get());
    VirtualServer.Builder b = d.builder;
    boolean haveQuorumUp = false;
    boolean haveQuorumDown = false;
    for (ConfigNode n : node.children()) {
      if (ServerOptionsBinder.read(n, ctx, "virtual server", b)) {
        continue;
      }
      switch (n.name()) {
        case "ip_family":
          ctx.enumArg(n, 0, LvsIpFamily.class).ifPresent(f -> {
            if (d.family.isPresent() && d.family.get() != f) {
              ctx.error(n.args().get(0), "ip_family conflicts with the virtual server's address family",
                  d.family.get().keyword());
            } else {
              d.family = Optional.of(f);
              d.ipFamily = Optional.of(f);
            }
          });
          break;
        case "inhibit_on_failure":
          b.inhibitOnFailure(true);
          break;
        case "lb_algo":
        case "lvs_sched":
          ctx.arg(n, 0, "a scheduler").ifPresent(t -> {
            Optional<LvsScheduler> s = scheduler(t.text());
            if (s.isPresent()) {
              d.lvsSched = s;
            } else {
              // keepalived ignores the line and, if nothing else sets one, runs wlc.
              ctx.error(t, "invalid lvs_sched - using wlc unless another is set", schedulerNames());
              d.schedReported = true;
            }
          });
          break;
        case "hashed":
        case "ops":
        case "flag-1":
        case "flag-2":
        case "flag-3":
        case "sh-port":
        case "sh-fallback":
        case "mh-port":
        case "mh-fallback":
          schedulerFlag(n, d, ctx);
          break;
        case "lb_kind":
        case "lvs_method":
          LvsValues.forwarding(n, ctx).ifPresent(f -> d.forwarding = Optional.of(f));
          break;
        case "persistence_engine":
          ctx.arg(n, 0, "a persistence engine name").ifPresent(t -> {
            String e = t.text();
            if (e.length() > VirtualServer.PERSISTENCE_ENGINE_MAX) {
              ctx.error(t, "persistence_engine name too long - truncating",
                  "at most " + VirtualServer.PERSISTENCE_ENGINE_MAX + " characters");
              e = e.substring(0, VirtualServer.PERSISTENCE_ENGINE_MAX);
            }
            b.persistenceEngine(e);
          });
          break;
        case "persistence_timeout":
          if (n.argCount() == 0) {
            d.persistenceTimeout = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
          } else {
            OptionalLong v = ctx.longArg(n, 0, 1, VirtualServer.MAX_PERSISTENCE_TIMEOUT.getSeconds());
            if (v.isPresent()) {
              d.persistenceTimeout = Optional.of(Duration.ofSeconds(v.getAsLong()));
            }
          }
          break;
        case "persistence_granularity":
          granularity(n, d, ctx);
          break;
        case "protocol":
          ctx.arg(n, 0, "TCP, UDP or SCTP").ifPresent(t -> {
            try {
              // keepalived compares the protocol case-insensitively.
              d.protocol = Optional.of(LvsProtocol.valueOf(t.text().toUpperCase(Locale.ROOT)));
              d.protocolNode = n;
            } catch (IllegalArgumentException e) {
              ctx.error(t, "invalid protocol", "TCP, UDP or SCTP");
            }
          });
          break;
        case "ha_suspend":
          d.haSuspend = true;
          d.haSuspendNode = n;
          break;
        case "alpha":
          b.alpha(true);
          break;
        case "omega":
          b.omega(true);
          break;
        case "quorum_up":
          haveQuorumUp = LvsValues.scriptOnce(n, ctx, haveQuorumUp, b::quorumUp);
          break;
        case "quorum_down":
          haveQuorumDown = LvsValues.scriptOnce(n, ctx, haveQuorumDown, b::quorumDown);
          break;
        case "quorum": {
          // keepalived sets 1 after a bad value: the default.
          OptionalLong v = ctx.longArg(n, 0, 1, LvsValues.UINT32_MAX);
          d.quorum = v.orElse(1);
          d.quorumNode = n;
          break;
        }
        case "hysteresis": {
          OptionalLong v = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
          if (v.isPresent()) {
            d.hysteresis = v.getAsLong();
            d.hysteresisNode = n;
          }
          break;
        }
        case "weight": {
          OptionalInt v = ctx.intArg(n, 0, 1, LvsValues.WEIGHT_MAX);
          if (v.isPresent()) {
            d.weight = v.getAsInt();
          }
          break;
        }
        case "sorry_server":
          sorryServer(n, ctx).ifPresent(s -> d.sorry = Optional.of(s));
          break;
        case "sorry_server_inhibit":
          if (d.sorry.isPresent()) {
            d.sorry.get().inhibit = true;
          } else {
            ctx.error(n, "sorry_server_inhibit used before or without sorry_server - ignoring", "sorry_server IP [PORT] first");
          }
          break;
        case "sorry_server_lvs_method":
          if (d.sorry.isPresent()) {
            LvsValues.forwarding(n, ctx).ifPresent(f -> d.sorry.get().forwarding = Optional.of(f));
          } else {
            ctx.error(n, "sorry_server_lvs_method used before or without sorry_server - ignoring",
                "sorry_server IP [PORT] first");
          }
          break;
        case "real_server":
          RealServerBinder.bind(n, ctx, refs).ifPresent(rs -> addRealServer(d, rs, ctx));
          break;
        default:
          LvsBinder.unknown(n, "virtual_server", ctx);
      }
    }
    return Optional.of(d);
  }

  /** {@code IP [PORT]}, {@code fwmark N} or {@code group NAME}. */
  private static Optional<VirtualServerEndpoint> endpoint(ConfigNode node, BindContext ctx) {
    Optional<Token> first = ctx.arg(node, 0, "an IP address, 'fwmark N' or 'group NAME'");
    if (first.isEmpty()) {
      return Optional.empty();
    }
    switch (first.get().text()) {
      case "group":
        return ctx.arg(node, 1, "a virtual_server_group name").map(t -> new VirtualServerEndpoint.Group(t.text()));
      case "fwmark": {
        OptionalLong m = ctx.longArg(node, 1, 0, LvsValues.UINT32_MAX);
        return m.isPresent() ? Optional.of(new VirtualServerEndpoint.Fwmark(m.getAsLong())) : Optional.empty();
      }
      default: {
        Optional<InetAddress> ip = ctx.parseAddress(first.get());
        OptionalInt port = ip.isPresent() ? LvsValues.optionalPort(node, ctx) : OptionalInt.empty();
        return port.isPresent() ? Optional.of(new VirtualServerEndpoint.Address(ip.get(), port.getAsInt())) : Optional.empty();
      }
    }
  }

  private static Optional<LvsScheduler> scheduler(String text) {
    for (LvsScheduler s : LvsScheduler.values()) {
      if (s.keyword().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static String schedulerNames() {
    StringBuilder sb = new StringBuilder("one of ");
    for (LvsScheduler s : LvsScheduler.values()) {
      sb.append(s.ordinal() == 0 ? "" : ", ").append(s.keyword());
    }
    return sb.toString();
  }

  /**
   * The scheduler flags. As in keepalived, {@code sh-*} and {@code mh-*} (and {@code hashed})
   * are checked against the scheduler set so far, so they must follow {@code lvs_sched}.
   */
  private static void schedulerFlag(ConfigNode n, Draft d, BindContext ctx) {
    VirtualServer.Builder b = d.builder;
    LvsScheduler sched = d.lvsSched.orElse(null);
    switch (n.name()) {
      case "ops":
        d.ops = true;
        d.opsNode = n;
        return;
      case "flag-1":
        b.flag1(true);
        return;
      case "flag-2":
        b.flag2(true);
        return;
      case "flag-3":
        b.flag3(true);
        return;
      default:
        break;
    }
    boolean isSh = sched == LvsScheduler.SH;
    boolean isMh = sched == LvsScheduler.MH;
    switch (n.name()) {
      case "hashed":
        if (isSh || isMh) {
          b.hashed(true);
          return;
        }
        break;
      case "sh-port":
        if (isSh) {
          b.shPort(true);
          return;
        }
        break;
      case "sh-fallback":
        if (isSh) {
          b.shFallback(true);
          return;
        }
        break;
      case "mh-port":
        if (isMh) {
          b.mhPort(true);
          return;
        }
        break;
      case "mh-fallback":
        if (isMh) {
          b.mhFallback(true);
          return;
        }
        break;
      default:
        throw new AssertionError(n.name());
    }
    String wanted = n.name().startsWith("mh") ? "mh" : n.name().startsWith("sh") ? "sh" : "sh or mh";
    ctx.error(n, n.name() + " only applies to scheduler " + wanted + " - ignoring", "lvs_sched " + wanted + " before it");
  }

  /**
   * {@code persistence_granularity}: an IPv4 netmask, or for IPv6 a prefix length 1..128; the
   * family is the virtual server's, else guessed from a dot. It also makes the service
   * persistent (360 s) when no timeout is set yet.
   */
  private static void granularity(ConfigNode n, Draft d, BindContext ctx) {
    Optional<Token> t = ctx.arg(n, 0, "an IPv4 netmask or an IPv6 prefix length");
    if (t.isEmpty()) {
      return;
    }
    String text = t.get().text();
    LvsIpFamily family = d.family.orElse(text.indexOf('.') >= 0 ? LvsIpFamily.INET : LvsIpFamily.INET6);
    if (family == LvsIpFamily.INET6) {
      if (!UP_TO_3_DIGITS.matcher(text).matches() || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 128) {
        ctx.error(t.get(), "invalid IPv6 persistence_granularity", "a prefix length in [1, 128]");
        return;
      }
    } else if (!(IpLiterals.parse(text).orElse(null) instanceof java.net.Inet4Address)) {
      ctx.error(t.get(), "invalid IPv4 persistence_granularity", "a netmask such as 255.255.255.0");
      return;
    }
    d.builder.persistenceGranularity(text);
    if (d.family.isEmpty()) {
      d.family = Optional.of(family);
    }
    if (d.persistenceTimeout.isEmpty()) {
      d.persistenceTimeout = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
    }
  }

  private static Optional<SorryDraft> sorryServer(ConfigNode n, BindContext ctx) {
    Optional<InetAddress> ip = ctx.addressArg(n, 0);
    OptionalInt port = ip.isPresent() ? LvsValues.optionalPort(n, ctx) : OptionalInt.empty();
    return port.isPresent() ? Optional.of(new SorryDraft(n, ip.get(), port.getAsInt())) : Optional.empty();
  }

  /**
   * keepalived's end of a real_server block: unless tunnelled, a real server must match the
   * virtual server's family, which it sets when still unknown.
   */
  private static void addRealServer(Draft d, RealServerBinder.Draft rs, BindContext ctx) {
    boolean tunnelled = rs.lvsMethod.orElse(d.forwarding.map(LvsValues.Forwarding::method).orElse(null)) == LvsMethod.TUN;
    LvsIpFamily rsFamily = LvsIpFamily.of(rs.ip);
    if (!tunnelled) {
      if (d.family.isEmpty()) {
        d.family = Optional.of(rsFamily);
      } else if (d.family.get() != rsFamily) {
        ctx.error(rs.node.args().get(0), "address family of virtual server and real server don't match - skipping real server",
            "an " + d.family.get().keyword() + " address");
        return;
      }
    }
    d.realServers.add(rs);
  }
}
