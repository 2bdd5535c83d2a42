package io.keepalivedj.linux.rtnetlink;

import java.util.Objects;

/** RTM_NEWADDR or RTM_DELADDR from RTNLGRP_IPV4_IFADDR / RTNLGRP_IPV6_IFADDR. */
public record AddressEvent(RtnetlinkEvent.Change change, InterfaceAddress address) implements RtnetlinkEvent {
  public AddressEvent {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(address, "address");
  }
}
