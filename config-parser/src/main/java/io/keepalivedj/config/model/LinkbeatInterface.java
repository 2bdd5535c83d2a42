package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * One line of {@code linkbeat_interfaces { ... }}: an interface whose link state is polled
 * instead of taken from netlink.
 *
 * @param name the interface
 * @param mode {@code MII|ETHTOOL|IOCTL}; default MII, falling back as the driver allows
 * @param position where the line was written
 */
public record LinkbeatInterface(String name, LinkbeatMode mode, SourcePosition position) {
  public LinkbeatInterface {
    InterfaceNames.check(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(position, "position");
  }
}
