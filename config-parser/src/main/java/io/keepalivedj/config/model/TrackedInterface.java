package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * One line of a {@code track_interface} block: {@code IFNAME [weight N [reverse]]}.
 *
 * <p>Weight 0 means the tracked object going down puts the instance into FAULT; a positive
 * weight is added to the priority while it is up, a negative one subtracted while it is down;
 * {@code reverse} inverts the sense. Weights are in [-253, 253].
 *
 * @param name the interface name
 * @param weight default 0 (keepalived.conf(5))
 * @param reverse whether {@code weight N reverse} was given
 * @param position where the line was written
 */
public record TrackedInterface(String name, int weight, boolean reverse, SourcePosition position) {
  public static final int MIN_WEIGHT = -253;
  public static final int MAX_WEIGHT = 253;

  public TrackedInterface {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
    if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException("weight " + weight + " outside " + MIN_WEIGHT + ".." + MAX_WEIGHT);
    }
    Objects.requireNonNull(position, "position");
  }

  /** Tracked with weight 0: failure means FAULT. */
  public static TrackedInterface of(String name) {
    return new TrackedInterface(name, 0, false, SourcePosition.NONE);
  }
}
