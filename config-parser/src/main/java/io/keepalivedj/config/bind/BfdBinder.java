package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.BfdInstance;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Binds {@code bfd_instance NAME { ... }} (keepalived 2.2.7 bfd_parser.c). */
final class BfdBinder {
  private BfdBinder() {}

  /** BFD_MINRX_MAX etc.: UINT32_MAX / 1000 milliseconds. */
  private static final long MAX_MS = 0xFFFF_FFFFL / 1000;

  static Optional<BfdInstance> bind(ConfigNode node, BindContext ctx) {
    Optional<Token> name = TrackBinder.blockName(node, ctx);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (name.get().text().length() > 31) {
      ctx.error(name.get(), "BFD instance name too long, ignored", "at most 31 characters");
      return Optional.empty();
    }
    Optional<InetAddress> neighbor = Optional.empty();
    Optional<InetAddress> source = Optional.empty();
    Duration minRx = BfdInstance.DEFAULT_MIN_RX;
    Duration minTx = BfdInstance.DEFAULT_MIN_TX;
    Duration idleTx = BfdInstance.DEFAULT_IDLE_TX;
    int multiplier = 5;
    boolean passive = false;
    OptionalInt ttl = OptionalInt.empty();
    OptionalInt maxHops = OptionalInt.empty();
    int weight = 0;
    boolean reverse = false;
    boolean vrrp = false;
    boolean checker = false;
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "neighbor_ip", "neighbour_ip" -> {
          neighbor = ctx.addressArg(n, 0);
          if (neighbor.isEmpty()) {
            ctx.error(n, "BFD instance " + name.get().text() + " has a malformed neighbor address, instance ignored", "an IP address");
            return Optional.empty();
          }
        }
        case "source_ip" -> source = ctx.addressArg(n, 0);
        case "min_rx" -> minRx = millis(n, 1, MAX_MS, ctx).orElse(minRx);
        case "min_tx" -> minTx = millis(n, 1, MAX_MS, ctx).orElse(minTx);
        case "idle_tx" -> idleTx = millis(n, 1000, MAX_MS, ctx).orElse(idleTx);
        case "multiplier" -> multiplier = ctx.intArg(n, 0, 1, 255).orElse(multiplier);
        case "passive" -> passive = true;
        case "ttl", "hoplimit" -> {
          OptionalInt v = ctx.intArg(n, 0, 1, 255);
          if (v.isPresent()) {
            ttl = v;
          }
        }
        case "max_hops" -> {
          OptionalInt v = ctx.intArg(n, 0, -1, 255);
          if (v.isPresent()) {
            maxHops = v;
          }
        }
        case "weight" -> {
          weight = ctx.intArg(n, 0, -253, 253).orElse(0);
          if (n.argCount() >= 2) {
            if (n.args().get(1).text().equals("reverse")) {
              reverse = true;
            } else {
              ctx.error(n.args().get(1), "unknown weight option", "reverse");
            }
          }
        }
        case "vrrp" -> vrrp = true;
        case "checker" -> checker = true;
        default -> ctx.unknownKeyword(n, "bfd_instance");
      }
    }
    if (neighbor.isEmpty()) {
      ctx.error(node, "BFD instance " + name.get().text() + " has no neighbor_ip, ignored", "neighbor_ip ADDRESS");
      return Optional.empty();
    }
    if (source.isPresent() && (source.get() instanceof java.net.Inet4Address) != (neighbor.get() instanceof java.net.Inet4Address)) {
      ctx.error(node, "BFD instance " + name.get().text() + " source_ip and neighbor_ip differ in family, source ignored", "one family");
      source = Optional.empty();
    }
    if (maxHops.isPresent() && ttl.isPresent() && maxHops.getAsInt() > ttl.getAsInt()) {
      ctx.error(node, "BFD instance " + name.get().text() + ": max_hops exceeds ttl, using ttl", "max_hops <= ttl");
      maxHops = ttl;
    }
    return Optional.of(new BfdInstance(name.get().text(), neighbor.get(), source, minRx, minTx, idleTx, multiplier,
        passive, ttl, maxHops, weight, reverse, vrrp, checker, node.position()));
  }

  /** Milliseconds with up to three decimals (keepalived stores microseconds). */
  private static Optional<Duration> millis(ConfigNode n, long minMs, long maxMs, BindContext ctx) {
    Optional<Token> t = ctx.arg(n, 0, "milliseconds");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String range = "milliseconds in [" + minMs + ", " + maxMs + "]";
    try {
      BigDecimal ms = new BigDecimal(t.get().text());
      if (ms.scale() > 3 || ms.compareTo(BigDecimal.valueOf(minMs)) < 0 || ms.compareTo(BigDecimal.valueOf(maxMs)) > 0) {
        ctx.error(t.get(), "invalid " + n.name(), range);
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos(ms.movePointRight(6).longValueExact()));
    } catch (NumberFormatException | ArithmeticException e) {
      ctx.error(t.get(), "invalid " + n.name(), range);
      return Optional.empty();
    }
  }
}
