package io.keepalivedj.linux.genetlink;

import java.util.Objects;

/** A generic netlink family's multicast group (CTRL_ATTR_MCAST_GROUPS entry). */
public record MulticastGroup(String name, int id) {
  public MulticastGroup {
    Objects.requireNonNull(name, "name");
    if (id <= 0) {
      throw new IllegalArgumentException("multicast group id must be positive: " + id);
    }
  }
}
