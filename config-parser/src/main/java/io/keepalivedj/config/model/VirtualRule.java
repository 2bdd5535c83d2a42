package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of {@code virtual_rules} or {@code static_rules}, in {@code ip rule} syntax:
 * {@code [not] [from PREFIX|all] [to PREFIX|all] [iif IF] [oif IF] [fwmark M[/MASK]]
 * [priority N] [table T|lookup T] [no_track] [track_group NAME] [...]}. The common selectors are
 * typed; the rest ({@code tos}, {@code uidrange}, {@code ipproto}, {@code sport}, {@code dport},
 * {@code goto}, {@code suppress_prefixlength}, ...) is kept, in order, as written.
 *
 * @param not {@code not}: the rule matches when the selectors do not
 * @param from {@code from}; empty: all
 * @param to {@code to}; empty: all
 * @param iif {@code iif} / {@code dev}
 * @param oif {@code oif}
 * @param fwmark {@code fwmark} as written ({@code MARK[/MASK]})
 * @param priority {@code priority} / {@code preference} / {@code pref}
 * @param table {@code table} / {@code lookup}, a number or a name from rt_tables
 * @param noTrack {@code no_track}
 * @param trackGroup {@code track_group} (static rules only)
 * @param options the other words of the line, in order
 * @param position where the line was written
 */
public record VirtualRule(
    boolean not,
    Optional<IpPrefix> from,
    Optional<IpPrefix> to,
    Optional<String> iif,
    Optional<String> oif,
    Optional<String> fwmark,
    OptionalLong priority,
    Optional<String> table,
    boolean noTrack,
    Optional<String> trackGroup,
    List<String> options,
    SourcePosition position) {

  public VirtualRule {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(iif, "iif");
    Objects.requireNonNull(oif, "oif");
    Objects.requireNonNull(fwmark, "fwmark");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(trackGroup, "trackGroup");
    options = List.copyOf(options);
    Objects.requireNonNull(position, "position");
    iif.ifPresent(InterfaceNames::check);
    oif.ifPresent(InterfaceNames::check);
    if (from.isPresent() && to.isPresent() && from.get().isIpv4() != to.get().isIpv4()) {
      throw new IllegalArgumentException("from and to differ in family: " + from.get() + ", " + to.get());
    }
    if (priority.isPresent() && (priority.getAsLong() < 0 || priority.getAsLong() > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("priority outside 0..4294967295: " + priority);
    }
  }
}
