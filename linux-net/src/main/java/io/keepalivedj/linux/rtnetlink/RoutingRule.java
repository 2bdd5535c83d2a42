package io.keepalivedj.linux.rtnetlink;

import io.keepalivedj.linux.SocketUapi;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A policy-routing rule, as {@code ip rule add} takes it and {@code ip rule show} lists it; the
 * selectors keepalived's virtual_rules and static_rules use. Rules with selectors this record
 * lacks (not, tos, uidrange, ipproto, sport/dport, suppress_*, l3mdev) are not decoded.
 *
 * @param family          AF_INET or AF_INET6 (the rule table it belongs to)
 * @param priority        FRA_PRIORITY ({@code priority}/{@code pref}), unsigned 32-bit; empty
 *                        lets the kernel pick (one below the first non-zero priority);
 *                        listed rules always have one (0 is the local-table rule)
 * @param source          FRA_SRC with src_len ({@code from}); empty: any
 * @param destination     FRA_DST with dst_len ({@code to}); empty: any
 * @param fwmark          FRA_FWMARK ({@code fwmark}), unsigned 32-bit
 * @param fwmask          FRA_FWMASK, 0xffffffff (all bits, the kernel's default) unless said;
 *                        only with a fwmark
 * @param inputInterface  FRA_IIFNAME ({@code iif})
 * @param outputInterface FRA_OIFNAME ({@code oif})
 * @param action          frh.action
 * @param table           the table for TO_TABLE (ids above 255 travel in FRA_TABLE), an
 *                        unsigned u32 in an int; 0 for the other actions
 * @param gotoTarget      FRA_GOTO: the priority GOTO continues at; 0 for the other actions
 * @param protocol        FRA_PROTOCOL (Linux 4.17): who installed it; UNSPEC is not sent
 */
public record RoutingRule(int family, OptionalLong priority, Optional<IpPrefix> source,
    Optional<IpPrefix> destination, OptionalLong fwmark, long fwmask, Optional<String> inputInterface,
    Optional<String> outputInterface, RuleAction action, int table, long gotoTarget, RouteProtocol protocol) {
  public static final long ALL_MARK_BITS = 0xffff_ffffL;

  public RoutingRule {
    if (family != SocketUapi.AF_INET && family != SocketUapi.AF_INET6) {
      throw new IllegalArgumentException("family must be AF_INET or AF_INET6: " + family);
    }
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(fwmark, "fwmark");
    Objects.requireNonNull(inputInterface, "inputInterface");
    Objects.requireNonNull(outputInterface, "outputInterface");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(protocol, "protocol");
    // "from all" / "to all": a /0 selector matches everything, and the kernel lists it as absent.
    source = source.filter(p -> p.prefixLength() > 0);
    destination = destination.filter(p -> p.prefixLength() > 0);
    checkU32(priority, "priority");
    checkU32(fwmark, "fwmark");
    if (fwmask < 0 || fwmask > ALL_MARK_BITS) {
      throw new IllegalArgumentException("fwmask is a u32: " + fwmask);
    }
    if (fwmark.isEmpty() && fwmask != ALL_MARK_BITS) {
      throw new IllegalArgumentException("a fwmask needs a fwmark");
    }
    for (Optional<IpPrefix> prefix : java.util.List.of(source, destination)) {
      if (prefix.isPresent() && prefix.get().family() != family) {
        throw new IllegalArgumentException(prefix.get() + " is not of the rule's family");
      }
    }
    for (Optional<String> name : java.util.List.of(inputInterface, outputInterface)) {
      if (name.isPresent() && (name.get().isEmpty() || name.get().length() > RtnetlinkUapi.IFNAMSIZ_CHARS)) {
        throw new IllegalArgumentException("interface name must have 1-15 characters: '" + name.get() + "'");
      }
    }
    if ((action == RuleAction.TO_TABLE) != (table != RtnetlinkUapi.RT_TABLE_UNSPEC)) {
      throw new IllegalArgumentException("a table goes with action lookup and only with it: "
          + action + ", table " + Integer.toUnsignedString(table));
    }
    if ((action == RuleAction.GOTO) != (gotoTarget != 0) || gotoTarget < 0 || gotoTarget > 0xffff_ffffL) {
      throw new IllegalArgumentException("a non-zero u32 goto target goes with action goto and only with it: "
          + action + ", goto " + gotoTarget);
    }
  }

  private static void checkU32(OptionalLong value, String what) {
    if (value.isPresent() && (value.getAsLong() < 0 || value.getAsLong() > 0xffff_ffffL)) {
      throw new IllegalArgumentException(what + " is a u32: " + value.getAsLong());
    }
  }

  /** {@code ip [-6] rule add lookup TABLE}: every packet of the family, no protocol. */
  public static RoutingRule lookup(int family, int table) {
    return new RoutingRule(family, OptionalLong.empty(), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), ALL_MARK_BITS, Optional.empty(), Optional.empty(), RuleAction.TO_TABLE,
        table, 0, RouteProtocol.UNSPEC);
  }

  /** {@code ip [-6] rule add blackhole|unreachable|prohibit|nop}. */
  public static RoutingRule of(int family, RuleAction action) {
    if (action == RuleAction.TO_TABLE || action == RuleAction.GOTO) {
      throw new IllegalArgumentException(action + " needs a target; use lookup() or goTo()");
    }
    return new RoutingRule(family, OptionalLong.empty(), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), ALL_MARK_BITS, Optional.empty(), Optional.empty(), action, 0, 0, RouteProtocol.UNSPEC);
  }

  /** {@code ip [-6] rule add goto PRIORITY}. */
  public static RoutingRule goTo(int family, long targetPriority) {
    return new RoutingRule(family, OptionalLong.empty(), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), ALL_MARK_BITS, Optional.empty(), Optional.empty(), RuleAction.GOTO, 0,
        targetPriority, RouteProtocol.UNSPEC);
  }

  public RoutingRule withPriority(long newPriority) {
    return new RoutingRule(family, OptionalLong.of(newPriority), source, destination, fwmark, fwmask,
        inputInterface, outputInterface, action, table, gotoTarget, protocol);
  }

  public RoutingRule withSource(IpPrefix from) {
    return new RoutingRule(family, priority, Optional.of(from), destination, fwmark, fwmask,
        inputInterface, outputInterface, action, table, gotoTarget, protocol);
  }

  public RoutingRule withDestination(IpPrefix to) {
    return new RoutingRule(family, priority, source, Optional.of(to), fwmark, fwmask,
        inputInterface, outputInterface, action, table, gotoTarget, protocol);
  }

  /** {@code fwmark MARK/MASK}; pass {@link #ALL_MARK_BITS} for a plain {@code fwmark MARK}. */
  public RoutingRule withFwmark(long mark, long mask) {
    return new RoutingRule(family, priority, source, destination, OptionalLong.of(mark), mask,
        inputInterface, outputInterface, action, table, gotoTarget, protocol);
  }

  public RoutingRule withInputInterface(String name) {
    return new RoutingRule(family, priority, source, destination, fwmark, fwmask,
        Optional.of(name), outputInterface, action, table, gotoTarget, protocol);
  }

  public RoutingRule withOutputInterface(String name) {
    return new RoutingRule(family, priority, source, destination, fwmark, fwmask,
        inputInterface, Optional.of(name), action, table, gotoTarget, protocol);
  }

  public RoutingRule withProtocol(RouteProtocol newProtocol) {
    return new RoutingRule(family, priority, source, destination, fwmark, fwmask,
        inputInterface, outputInterface, action, table, gotoTarget, newProtocol);
  }
}
