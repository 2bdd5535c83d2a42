package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One address line of {@code virtual_ipaddress}, {@code virtual_ipaddress_excluded} or
 * {@code static_ipaddress}, in {@code ip addr} syntax:
 * {@code ADDR[/LEN] [brd ADDR|+|-] [dev IF] [scope SCOPE] [label LABEL] [peer ADDR[/LEN]] [home]
 * [-nodad] [mngtmpaddr] [noprefixroute] [autojoin] [preferred_lft N|forever] [no_track]
 * [use_vmac] [track_group NAME]}.
 *
 * @param address the address and prefix length; without {@code /LEN} a host prefix (/32, /128);
 *     with {@code peer}, the peer's prefix length
 * @param broadcast {@code brd}/{@code broadcast}, IPv4 only; {@code +} and {@code -} are resolved
 *     to the address with the host bits set or cleared
 * @param dev {@code dev}; empty: the instance's interface (VIPs) or the default interface
 *     (static addresses)
 * @param scope {@code scope}, a name from rt_scopes ({@code global}, {@code site}, {@code link},
 *     {@code host}, {@code nowhere}) or a number 0..255; IPv4 only; default global
 * @param label {@code label}, at most 15 characters; IPv4 only
 * @param peer {@code peer}: the address of the other end of a point-to-point link
 * @param home {@code home} (IFA_F_HOMEADDRESS)
 * @param nodad {@code -nodad} (IFA_F_NODAD)
 * @param mngtmpaddr {@code mngtmpaddr} (IFA_F_MANAGETEMPADDR)
 * @param noprefixroute {@code noprefixroute} (IFA_F_NOPREFIXROUTE)
 * @param autojoin {@code autojoin} (IFA_F_MCAUTOJOIN)
 * @param preferredLft {@code preferred_lft} seconds; {@code forever} is 4294967295; empty: the
 *     kernel's default (keepalived sets 0 for an IPv6 /128 and forever for other IPv6 prefixes)
 * @param noTrack {@code no_track}: the address going missing does not put the instance in FAULT
 * @param useVmac {@code use_vmac} on a VIP: the address goes on the instance's VMAC
 * @param trackGroup {@code track_group} of a static address, naming a {@code track_group}
 * @param position where the line was written
 */
public record VirtualIpAddress(
    IpPrefix address,
    Optional<InetAddress> broadcast,
    Optional<String> dev,
    Optional<String> scope,
    Optional<String> label,
    Optional<InetAddress> peer,
    boolean home,
    boolean nodad,
    boolean mngtmpaddr,
    boolean noprefixroute,
    boolean autojoin,
    OptionalLong preferredLft,
    boolean noTrack,
    boolean useVmac,
    Optional<String> trackGroup,
    SourcePosition position) {

  /** The {@code preferred_lft} value {@code forever} stands for (INFINITY_LIFE_TIME). */
  public static final long FOREVER = 0xFFFF_FFFFL;

  public VirtualIpAddress {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(broadcast, "broadcast");
    Objects.requireNonNull(dev, "dev");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(preferredLft, "preferredLft");
    Objects.requireNonNull(trackGroup, "trackGroup");
    Objects.requireNonNull(position, "position");
    if (broadcast.isPresent() && !(address.isIpv4() && broadcast.get() instanceof Inet4Address)) {
      throw new IllegalArgumentException("broadcast is IPv4 only: " + address);
    }
    if (broadcast.isPresent() && peer.isPresent()) {
      throw new IllegalArgumentException("broadcast and peer are exclusive: " + address);
    }
    if (peer.isPresent() && (peer.get() instanceof Inet4Address) != address.isIpv4()) {
      throw new IllegalArgumentException("peer family differs from address: " + address);
    }
    if (!address.isIpv4() && (scope.isPresent() || label.isPresent())) {
      throw new IllegalArgumentException("scope and label are IPv4 only: " + address);
    }
    label.ifPresent(l -> {
      if (l.isEmpty() || l.length() > 15) {
        throw new IllegalArgumentException("label must be 1..15 characters: " + l);
      }
    });
    dev.ifPresent(d -> InterfaceNames.check(d));
    if (preferredLft.isPresent() && (preferredLft.getAsLong() < 0 || preferredLft.getAsLong() > FOREVER)) {
      throw new IllegalArgumentException("preferred_lft outside 0..4294967295: " + preferredLft);
    }
  }

  /** An address with nothing else set: what {@code 192.0.2.1/24} alone on a line gives. */
  public static VirtualIpAddress of(IpPrefix address) {
    return new VirtualIpAddress(address, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, false, false, false, false, OptionalLong.empty(),
        false, false, Optional.empty(), SourcePosition.NONE);
  }

  /** The same address on interface {@code dev}. */
  public VirtualIpAddress withDev(String newDev) {
    return new VirtualIpAddress(address, broadcast, Optional.of(newDev), scope, label, peer, home,
        nodad, mngtmpaddr, noprefixroute, autojoin, preferredLft, noTrack, useVmac, trackGroup,
        position);
  }

  public boolean isIpv4() {
    return address.isIpv4();
  }
}
