package io.keepalivedj.linux.rtnetlink;

import java.util.Objects;

/**
 * RTM_NEWLINK or RTM_DELLINK from RTNLGRP_LINK: a link appeared, changed (admin state, carrier,
 * operational state, address, MTU...) or disappeared. {@code link} is the whole state after the
 * change, not a delta.
 */
public record LinkEvent(RtnetlinkEvent.Change change, LinkInfo link) implements RtnetlinkEvent {
  public LinkEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(link, "link");
  }

  /** IFLA_OPERSTATE after the change (RFC 2863): UP, DOWN, LOWERLAYERDOWN... */
  public OperState operState() {
    return link.operState();
  }

  /** IFF_LOWER_UP after the change. */
  public boolean hasCarrier() {
    return link.hasCarrier();
  }
}
