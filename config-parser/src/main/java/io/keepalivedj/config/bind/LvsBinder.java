package io.keepalivedj.config.bind;

import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.SslConfig;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import io.keepalivedj.config.model.VirtualServerGroup;
import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.tree.ConfigNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the LVS side: the top-level {@code SSL}, {@code virtual_server_group} and
 * {@code virtual_server} blocks. It also owns a stray top-level {@code real_server}, so the
 * error says where real servers belong rather than "unknown keyword".
 */
final class LvsBinder {
  private LvsBinder() {}

  static boolean handles(String topLevelKeyword) {
    switch (topLevelKeyword) {
      case "virtual_server":
      case "virtual_server_group":
      case "SSL":
      case "real_server":
        return true;
      default:
        return false;
    }
  }

  static LvsConfig bind(List<ConfigNode> roots, GlobalDefs global, VrrpConfig vrrp, BindContext ctx) {
    LvsReferences refs = new LvsReferences(roots, vrrp);
    Optional<SslConfig> ssl = Optional.empty();
    List<VirtualServerGroup> groups = new ArrayList<>();
    List<VirtualServerBinder.Draft> drafts = new ArrayList<>();
    for (ConfigNode root : roots) {
      switch (root.name()) {
        case "SSL":
          if (ssl.isPresent()) {
            ctx.error(root, "SSL context already specified - replacing", "one SSL block");
          }
          ssl = ssl(root, ctx);
          break;
        case "virtual_server_group":
          VirtualServerGroupBinder.bind(root, ctx).ifPresent(g -> {
            if (groups.stream().anyMatch(o -> o.name().equals(g.name()))) {
              ctx.warning(root, "virtual_server_group " + g.name() + " is already defined - keepalived uses the first",
                  "a new name");
            }
            groups.add(g);
          });
          break;
        case "virtual_server":
          VirtualServerBinder.bind(root, ctx, refs).ifPresent(drafts::add);
          break;
        case "real_server":
          misplacedRealServer(root, ctx);
          break;
        default:
          break;
      }
    }
    LvsConfig lookup = new LvsConfig(ssl, groups, List.of());
    List<VirtualServer> servers = new ArrayList<>();
    Map<String, SourcePosition> services = new HashMap<>();
    for (VirtualServerBinder.Draft d : drafts) {
      Optional<VirtualServer> vs = VirtualServerValidator.validate(d, lookup::virtualServerGroup, ctx);
      if (vs.isEmpty()) {
        continue;
      }
      String key = serviceKey(vs.get());
      SourcePosition first = services.putIfAbsent(key, vs.get().position());
      if (first != null) {
        ctx.error(d.node, "duplicate virtual_server " + vs.get().endpoint() + " (first defined at " + first + ") - ignoring",
            "each service once");
        continue;
      }
      servers.add(vs.get());
    }
    return new LvsConfig(ssl, groups, servers);
  }

  /**
   * What identifies an IPVS service: address, port and protocol; a fwmark and family; or a
   * group's name.
   */
  private static String serviceKey(VirtualServer vs) {
    VirtualServerEndpoint e = vs.endpoint();
    if (e instanceof VirtualServerEndpoint.Address) {
      VirtualServerEndpoint.Address a = (VirtualServerEndpoint.Address) e;
      return "ip " + a.ip().getHostAddress() + " " + a.port() + " " + vs.protocol().map(Enum::name).orElse("");
    } else if (e instanceof VirtualServerEndpoint.Fwmark) {
      return "fwmark " + ((VirtualServerEndpoint.Fwmark) e).fwmark() + " " + vs.ipFamily().map(Enum::name).orElse("");
    } else if (e instanceof VirtualServerEndpoint.Group) {
      return "group " + ((VirtualServerEndpoint.Group) e).name();
    }
    throw new AssertionError(e);
  }

  private static Optional<SslConfig> ssl(ConfigNode node, BindContext ctx) {
    if (!ctx.requireBlock(node)) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "password":
        case "ca":
        case "certificate":
        case "key": {
          Optional<String> v = LvsValues.text(n, ctx, "a " + (n.name().equals("password") ? "pass phrase" : "file name"));
          if (v.isPresent()) {
            if (values.containsKey(n.name())) {
              ctx.error(n, "SSL " + n.name() + " already specified - replacing", "one " + n.name());
            }
            values.put(n.name(), v.get());
          }
          break;
        }
        default:
          unknown(n, "SSL", ctx);
      }
    }
    return Optional.of(new SslConfig(Optional.ofNullable(values.get("password")), Optional.ofNullable(values.get("ca")),
        Optional.ofNullable(values.get("certificate")), Optional.ofNullable(values.get("key")), node.position()));
  }

  /**
   * An unknown keyword inside an LVS block, except that a {@code real_server} anywhere but
   * directly in a {@code virtual_server} gets the error that says so.
   */
  static void unknown(ConfigNode node, String blockName, BindContext ctx) {
    if (node.name().equals("real_server")) {
      misplacedRealServer(node, ctx);
    } else {
      ctx.unknownKeyword(node, blockName);
    }
  }

  private static void misplacedRealServer(ConfigNode node, BindContext ctx) {
    ctx.error(node, "real_server outside a virtual_server - ignoring", "real_server inside a virtual_server block");
  }
}
