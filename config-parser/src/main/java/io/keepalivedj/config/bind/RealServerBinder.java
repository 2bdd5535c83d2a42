package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.CheckerConfig;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.tree.ConfigNode;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds {@code real_server IP [PORT] { ... }} (keepalived 2.2.7 check_parser.c, the keywords
 * installed after {@code real_server}). What depends on the virtual server (inherited weight and
 * method, port and family checks, duplicates) is settled by {@link VirtualServerValidator}.
 */
final class RealServerBinder {
  private RealServerBinder() {}

  /** A real server as written, before the virtual server's checks. */
  static final class Draft {
    final ConfigNode node;
    final InetAddress ip;
    int port;
    final RealServer.Builder builder;
    OptionalInt weight = OptionalInt.empty();
    Optional<LvsMethod> lvsMethod = Optional.empty();

    Draft(ConfigNode node, InetAddress ip, int port) {
      this.node = node;
      this.ip = ip;
      this.port = port;
      this.builder = RealServer.builder(ip, port).position(node.position());
    }
  }

  /** The real server, or empty (after a diagnostic) when keepalived would skip its block. */
  static Optional<Draft> bind(ConfigNode node, BindContext ctx, LvsReferences refs) {
    Optional<InetAddress> ip = ctx.addressArg(node, 0);
    OptionalInt port = ip.isPresent() ? LvsValues.optionalPort(node, ctx) : OptionalInt.empty();
    if (port.isEmpty() || !ctx.requireBlock(node)) {
      return Optional.empty();
    }
    Draft d = new Draft(node, ip.get(), port.getAsInt());
    RealServer.Builder b = d.builder;
    boolean haveNotifyUp = false;
    boolean haveNotifyDown = false;
    Set<String> bfds = new HashSet<>();
    for (ConfigNode n : node.children()) {
      if (CheckerBinder.handles(n.name())) {
        Optional<CheckerConfig> c = CheckerBinder.bind(n, ctx, ip.get(), refs, bfds);
        c.ifPresent(b::checker);
        continue;
      }
      if (ServerOptionsBinder.read(n, ctx, "real server", b)) {
        continue;
      }
      switch (n.name()) {
        case "weight": {
          OptionalInt w = ctx.intArg(n, 0, 0, LvsValues.WEIGHT_MAX);
          if (w.isPresent()) {
            d.weight = w;
            b.weight(w.getAsInt());
          }
          break;
        }
        case "lvs_method":
          LvsValues.forwarding(n, ctx).ifPresent(f -> {
            d.lvsMethod = Optional.of(f.method());
            f.tunnel().ifPresentOrElse(b::tunnel, () -> b.lvsMethod(f.method()));
          });
          break;
        case "uthreshold": {
          OptionalLong v = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
          if (v.isPresent()) {
            b.uthreshold(v.getAsLong());
          }
          break;
        }
        case "lthreshold": {
          OptionalLong v = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
          if (v.isPresent()) {
            b.lthreshold(v.getAsLong());
          }
          break;
        }
        case "inhibit_on_failure":
          LvsValues.optionalBool(n, ctx).ifPresent(b::inhibitOnFailure);
          break;
        case "notify_up":
          haveNotifyUp = LvsValues.scriptOnce(n, ctx, haveNotifyUp, b::notifyUp);
          break;
        case "notify_down":
          haveNotifyDown = LvsValues.scriptOnce(n, ctx, haveNotifyDown, b::notifyDown);
          break;
        case "alpha":
          LvsValues.optionalBool(n, ctx).ifPresent(b::alpha);
          break;
        default:
          LvsBinder.unknown(n, "real_server", ctx);
      }
    }
    return Optional.of(d);
  }

  static String describe(Draft d) {
    return "real_server " + d.ip.getHostAddress() + (d.port == 0 ? "" : " " + d.port);
  }
}
