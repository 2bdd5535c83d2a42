package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * One line of a {@code track_process} block: {@code PROCESS_NAME [weight N [reverse|noreverse]]}, naming a {@code vrrp_track_process}.
 *
 * <p>Weight 0 means the tracked object going down puts the instance into FAULT; a positive
 * weight is added to the priority while it is up, a negative one subtracted while it is down;
 * {@code reverse} inverts the sense. Weights are in [-254, 254].
 *
 * @param name the {@code vrrp_track_process} name
 * @param weight default the tracker's own {@code weight} (0 unless set)
 * @param reverse whether {@code weight N reverse} was given
 * @param position where the line was written
 */
public record TrackedProcess(String name, int weight, boolean reverse, SourcePosition position) {
  public static final int MIN_WEIGHT = -254;
  public static final int MAX_WEIGHT = 254;

  public TrackedProcess {
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
  public static TrackedProcess of(String name) {
    return new TrackedProcess(name, 0, false, SourcePosition.NONE);
  }
}
