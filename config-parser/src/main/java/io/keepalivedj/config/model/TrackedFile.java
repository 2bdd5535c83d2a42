package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;

/**
 * One line of a {@code track_file} block: {@code TRACK_FILE_NAME [weight N [reverse]]}, naming a {@code track_file}.
 *
 * <p>Weight 0 means the tracked object going down puts the instance into FAULT; a positive
 * weight is added to the priority while it is up, a negative one subtracted while it is down;
 * {@code reverse} inverts the sense. Weights are in [-254, 254].
 *
 * @param name the {@code track_file} name
 * @param weight default the track file's own {@code weight} (1 unless set)
 * @param reverse whether {@code weight N reverse} was given
 * @param position where the line was written
 */
public record TrackedFile(String name, int weight, boolean reverse, SourcePosition position) {
  public static final int MIN_WEIGHT = -254;
  public static final int MAX_WEIGHT = 254;

  public TrackedFile {
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
  public static TrackedFile of(String name) {
    return new TrackedFile(name, 0, false, SourcePosition.NONE);
  }
}
