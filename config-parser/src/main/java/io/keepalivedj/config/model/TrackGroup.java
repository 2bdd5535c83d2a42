package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A {@code track_group NAME { group { INSTANCE... } }} block: static addresses, routes and rules
 * naming it with {@code track_group} are only installed while one of these VRRP instances is
 * MASTER.
 *
 * @param name what {@code track_group} on a static line refers to
 * @param group the VRRP instance names
 * @param position where the block starts
 */
public record TrackGroup(String name, List<String> group, SourcePosition position) {
  public TrackGroup {
    Objects.requireNonNull(name, "name");
    group = List.copyOf(group);
    Objects.requireNonNull(position, "position");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty track_group name");
    }
  }
}
