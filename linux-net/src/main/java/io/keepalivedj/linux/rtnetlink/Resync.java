package io.keepalivedj.linux.rtnetlink;

import java.util.List;
import java.util.Objects;

/**
 * The complete link and address state, dumped after the subscription joined its groups: once
 * at the start, and again whenever notifications were lost. A listener replaces what it
 * mirrors with these lists. Events after a Resync may repeat changes it already shows (they
 * happened while the dump ran); applying them in order converges on the kernel's state.
 *
 * @param cause     why the state was re-read
 * @param links     every link (ip link show)
 * @param addresses every IPv4 and IPv6 address (ip addr show)
 */
public record Resync(Cause cause, List<LinkInfo> links, List<InterfaceAddress> addresses)
    implements RtnetlinkEvent {
  public Resync {
    Objects.requireNonNull(cause, "cause");
    links = List.copyOf(links);
    addresses = List.copyOf(addresses);
  }

  public enum Cause {
    /** The subscription started: the state its events apply to. */
    SUBSCRIBED,
    /** The kernel dropped notifications because the receive queue was full (ENOBUFS). */
    OVERRUN,
    /** A notification datagram exceeded the message buffer and was cut (EMSGSIZE). */
    TRUNCATED
  }
}
