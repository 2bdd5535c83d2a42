package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.LvsIpFamily;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsProtocol;
import io.keepalivedj.config.model.LvsScheduler;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.SorryServer;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import io.keepalivedj.config.model.VirtualServerGroup;
import io.keepalivedj.config.model.VirtualServerGroupEntry;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What keepalived checks once a virtual server is complete (2.2.7 {@code link_vsg_to_vs} and
 * {@code validate_check_config}): the group exists, there are real servers, protocol, scheduler
 * and method are set, ports agree, quorum fits. Each problem is an error, as {@code keepalived -t}
 * fails on each, and keepalived's fallback goes into the model.
 */
final class VirtualServerValidator {
  private VirtualServerValidator() {}

  static Optional<VirtualServer> validate(VirtualServerBinder.Draft d, LvsConfigGroups groups, BindContext ctx) {
    ConfigNode node = d.node;
    Optional<VirtualServerGroup> group = Optional.empty();
    if (d.endpoint instanceof VirtualServerEndpoint.Group) {
      String name = ((VirtualServerEndpoint.Group) d.endpoint).name();
      group = groups.find(name);
      if (group.isEmpty()) {
        ctx.error(node.args().get(1), "virtual_server_group " + name + " is not defined - ignoring virtual server",
            "the name of a virtual_server_group");
        return Optional.empty();
      }
      if (!groupFamilyFits(group.get(), d.family)) {
        ctx.error(node.args().get(1), "virtual_server_group " + name + " doesn't match the virtual server's address family"
            + " - ignoring virtual server", "a group of the real servers' family");
        return Optional.empty();
      }
    }
    if (d.realServers.isEmpty()) {
      ctx.error(node, d.describe() + " has no real servers - ignoring", "real_server IP [PORT] { ... }");
      return Optional.empty();
    }

    boolean fwmarkService = d.endpoint instanceof VirtualServerEndpoint.Fwmark
        || group.map(VirtualServerGroup::hasFwmarks).orElse(false);
    boolean addressService = d.endpoint instanceof VirtualServerEndpoint.Address
        || group.map(VirtualServerGroup::hasAddresses).orElse(false);
    boolean fwmarkOnly = d.endpoint instanceof VirtualServerEndpoint.Fwmark
        || group.map(g -> !g.hasAddresses()).orElse(false);

    boolean haSuspend = d.haSuspend;
    if (haSuspend && fwmarkService) {
      ctx.error(d.haSuspendNode, "ha_suspend cannot be used with fwmarks - clearing", "no ha_suspend");
      haSuspend = false;
    }
    Optional<LvsProtocol> protocol = d.protocol;
    boolean ops = d.ops;
    Optional<java.time.Duration> persistence = d.persistenceTimeout;
    if (addressService) {
      if (protocol.isEmpty()) {
        ctx.error(node, d.describe() + ": no protocol set - using UDP", "protocol TCP|UDP|SCTP");
        protocol = Optional.of(LvsProtocol.UDP);
      }
      if (ops && protocol.get() != LvsProtocol.UDP) {
        ctx.error(d.opsNode, "one-packet scheduling (ops) requires UDP - clearing", "protocol UDP");
        ops = false;
      }
      if (d.endpoint instanceof VirtualServerEndpoint.Address
          && ((VirtualServerEndpoint.Address) d.endpoint).port() == 0 && persistence.isEmpty()) {
        Token at = node.args().get(node.argCount() > 1 ? 1 : 0);
        ctx.error(at, "virtual_server is missing its port (a zero port is only valid for persistent services)"
            + " - making it persistent", "a port in [1, 65535], or persistence_timeout");
        persistence = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
      }
    }
    if (persistence.isEmpty() && group.isPresent()) {
      for (VirtualServerGroupEntry e : group.get().entries()) {
        if (e instanceof VirtualServerGroupEntry.AddressRange && ((VirtualServerGroupEntry.AddressRange) e).port() == 0) {
          ctx.error(node, d.describe() + ": group entry at " + e.position()
              + " has no port, only valid for persistent services - making it persistent", "a port, or persistence_timeout");
          persistence = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
          break;
        }
      }
    }
    if (protocol.isPresent() && fwmarkOnly) {
      ctx.error(d.protocolNode, "protocol is ignored for a fwmark virtual server", "no protocol");
      protocol = Optional.empty();
    }
    LvsScheduler sched = d.lvsSched.orElse(LvsScheduler.WLC);
    if (d.lvsSched.isEmpty() && !d.schedReported) {
      ctx.error(node, d.describe() + ": no lvs_sched set - using wlc", "lvs_sched (or lb_algo)");
    }

    Optional<LvsValues.Forwarding> forwarding = d.forwarding;
    List<RealServerBinder.Draft> realServers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long weightSum = 0;
    for (RealServerBinder.Draft rs : d.realServers) {
      if (!seen.add(rs.ip.getHostAddress() + "/" + rs.port)) {
        ctx.error(rs.node, RealServerBinder.describe(rs) + " is duplicated - ignoring it", "each real server once");
        continue;
      }
      if (rs.lvsMethod.isEmpty() && forwarding.isEmpty()) {
        forwarding = noMethod(d, ctx);
      }
      weightSum += rs.weight.orElse(d.weight);
      realServers.add(rs);
    }
    if (d.sorry.isPresent() && d.sorry.get().forwarding.isEmpty() && forwarding.isEmpty()) {
      forwarding = noMethod(d, ctx);
    }
    LvsMethod vsMethod = forwarding.map(LvsValues.Forwarding::method).orElse(LvsMethod.NAT);

    long quorum = d.quorum;
    if (quorum > weightSum) {
      ctx.error(d.quorumNode != null ? d.quorumNode : node, "quorum " + quorum + " exceeds the real servers' total weight "
          + weightSum + " - using " + weightSum, "a quorum the real servers can reach");
      quorum = weightSum;
    }
    long hysteresis = d.hysteresis;
    if (hysteresis != 0 && hysteresis >= quorum) {
      long fixed = Math.max(0, quorum - 1);
      ctx.error(d.hysteresisNode, "hysteresis " + hysteresis + " must be below quorum " + quorum + " - using " + fixed,
          "hysteresis below quorum");
      hysteresis = fixed;
    }

    // Ports: unless NAT, a real server serves the virtual server's port (none for fwmarks).
    int vsPort = d.endpoint instanceof VirtualServerEndpoint.Address ? ((VirtualServerEndpoint.Address) d.endpoint).port() : 0;
    for (RealServerBinder.Draft rs : realServers) {
      LvsMethod m = rs.lvsMethod.orElse(vsMethod);
      if (group.isPresent()) {
        if (m == LvsMethod.NAT || rs.port == 0) {
          continue;
        }
        for (VirtualServerGroupEntry e : group.get().entries()) {
          if (e instanceof VirtualServerGroupEntry.AddressRange && ((VirtualServerGroupEntry.AddressRange) e).port() != rs.port) {
            portError(rs.node, RealServerBinder.describe(rs) + ": port doesn't match group entry at " + e.position(), ctx);
            break;
          }
        }
      } else if (m == LvsMethod.NAT) {
        if (rs.port == 0) {
          rs.port = vsPort;
        }
      } else if (d.endpoint instanceof VirtualServerEndpoint.Fwmark) {
        if (rs.port != 0) {
          portError(rs.node, RealServerBinder.describe(rs) + ": a fwmark virtual server's real server takes no port"
              + " unless NAT - clearing it", ctx);
          rs.port = 0;
        }
      } else if (rs.port == 0) {
        rs.port = vsPort;
      } else if (rs.port != vsPort) {
        portError(rs.node, RealServerBinder.describe(rs) + ": port doesn't match the virtual server's " + vsPort
            + " - using " + vsPort, ctx);
        rs.port = vsPort;
      }
    }
    boolean grouped = group.isPresent();
    Optional<SorryServer> sorry = d.sorry.map(s -> sorryServer(s, d, vsMethod, vsPort, grouped, ctx));

    VirtualServer.Builder b = d.builder;
    d.ipFamily.ifPresent(b::ipFamily);
    b.lvsSched(sched);
    if (forwarding.flatMap(LvsValues.Forwarding::tunnel).isPresent()) {
      b.tunnel(forwarding.get().tunnel().get());
    } else {
      b.lvsMethod(vsMethod);
    }
    b.protocol(protocol.orElse(null)).persistenceTimeout(persistence.orElse(null)).ops(ops).haSuspend(haSuspend)
        .quorum(quorum).hysteresis(hysteresis).weight(d.weight).sorryServer(sorry.orElse(null));
    List<RealServer> built = new ArrayList<>();
    for (RealServerBinder.Draft rs : realServers) {
      built.add(rs.builder.port(rs.port).weight(rs.weight.orElse(d.weight)).build());
    }
    b.realServers(built);
    return Optional.of(b.build());
  }

  private static Optional<LvsValues.Forwarding> noMethod(VirtualServerBinder.Draft d, BindContext ctx) {
    ctx.error(d.node, d.describe() + ": no lvs_method set - using NAT", "lvs_method (or lb_kind) NAT|DR|TUN");
    return Optional.of(new LvsValues.Forwarding(LvsMethod.NAT, Optional.empty()));
  }

  private static void portError(ConfigNode rsNode, String message, BindContext ctx) {
    Token at = rsNode.argCount() > 1 ? rsNode.args().get(1) : rsNode.keyword();
    ctx.error(at, message, "the virtual server's port, or no port");
  }

  private static SorryServer sorryServer(VirtualServerBinder.SorryDraft s, VirtualServerBinder.Draft d, LvsMethod vsMethod,
      int vsPort, boolean grouped, BindContext ctx) {
    LvsMethod m = s.forwarding.map(LvsValues.Forwarding::method).orElse(vsMethod);
    if (m != LvsMethod.NAT && !grouped) {
      if (d.endpoint instanceof VirtualServerEndpoint.Fwmark) {
        if (s.port != 0) {
          portError(s.node, "a fwmark virtual server's sorry_server takes no port unless NAT - clearing it", ctx);
          s.port = 0;
        }
      } else if (s.port == 0) {
        s.port = vsPort;
      } else if (s.port != vsPort) {
        portError(s.node, "sorry_server port doesn't match the virtual server's " + vsPort + " - using " + vsPort, ctx);
        s.port = vsPort;
      }
    }
    return new SorryServer(s.ip, s.port, s.inhibit, s.forwarding.map(LvsValues.Forwarding::method),
        s.forwarding.flatMap(LvsValues.Forwarding::tunnel), s.node.position());
  }

  /** keepalived 2.2.7 {@code link_vsg_to_vs}: a mixed group needs an unspecified family. */
  private static boolean groupFamilyFits(VirtualServerGroup g, Optional<LvsIpFamily> family) {
    if (family.isEmpty()) {
      return true;
    }
    boolean v4 = false;
    boolean v6 = false;
    for (VirtualServerGroupEntry e : g.entries()) {
      Optional<LvsIpFamily> f = e instanceof VirtualServerGroupEntry.AddressRange
          ? Optional.of(((VirtualServerGroupEntry.AddressRange) e).family())
          : ((VirtualServerGroupEntry.Fwmark) e).family();
      v4 |= f.orElse(null) == LvsIpFamily.INET;
      v6 |= f.orElse(null) == LvsIpFamily.INET6;
    }
    if (v4 && v6) {
      return false;
    }
    return !(v4 && family.get() == LvsIpFamily.INET6) && !(v6 && family.get() == LvsIpFamily.INET);
  }

  /** The groups a virtual server may name. */
  interface LvsConfigGroups {
    Optional<VirtualServerGroup> find(String name);
  }
}
