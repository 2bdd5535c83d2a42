package io.keepalivedj.linux.genetlink;

import java.util.List;
import java.util.Objects;

/**
 * A generic netlink family as nlctrl describes it: the message type to use ({@code id}, assigned
 * at registration, so it differs between kernels and boots), version and multicast groups.
 *
 * @param headerSize   the family's user header after genlmsghdr (CTRL_ATTR_HDRSIZE), bytes
 * @param maxAttribute CTRL_ATTR_MAXATTR
 */
public record GenericNetlinkFamily(String name, int id, int version, int headerSize, int maxAttribute,
    List<MulticastGroup> multicastGroups) {
  public GenericNetlinkFamily {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > GenetlinkUapi.GENL_NAME_CHARS) {
      throw new IllegalArgumentException("family name must have 1-15 characters: '" + name + "'");
    }
    if (id < GenetlinkUapi.GENL_ID_CTRL || id > 0xffff) {
      throw new IllegalArgumentException("family id out of range: " + id);
    }
    if (version < 0 || headerSize < 0 || maxAttribute < 0) {
      throw new IllegalArgumentException("negative version, header size or max attribute");
    }
    multicastGroups = List.copyOf(multicastGroups);
  }
}
