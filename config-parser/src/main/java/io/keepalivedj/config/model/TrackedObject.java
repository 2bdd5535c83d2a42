package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * One line of a {@code track_interface}, {@code track_script}, {@code track_file},
 * {@code track_process} or {@code track_bfd} block of a VRRP instance or sync group:
 * {@code NAME [weight N [reverse|noreverse]]}. The five blocks differ only in what the name
 * refers to (an interface, a {@code vrrp_script}, a {@code track_file}, a
 * {@code vrrp_track_process}, a {@code bfd_instance}) and in their weight bound, so one record
 * serves them all; the owner's component says which kind a line is.
 *
 * <p>Weight 0 means the tracked object going down puts the instance into FAULT; a positive
 * weight is added to the priority while it is up, a negative one subtracted while it is down;
 * {@code reverse} inverts the sense. keepalived 2.2.7 bounds weights by ±{@value #MAX_WEIGHT}
 * for interfaces, scripts and BFD instances and by ±{@value #MAX_FILE_PROCESS_WEIGHT} for track
 * files and processes; the owning record checks the bound of each list.
 *
 * @param name the interface name, or the name of the tracker the line refers to
 * @param weight as written; default 0 for an interface, else the tracker's own {@code weight}
 *     (a {@code track_file}'s defaults to 1, the others' to 0)
 * @param reverse whether {@code weight N reverse} was given (default the tracker's own)
 * @param position where the line was written
 */
public record TrackedObject(String name, int weight, boolean reverse, SourcePosition position) {
  /** The bound of {@code track_interface}, {@code track_script} and {@code track_bfd} weights. */
  public static final int MAX_WEIGHT = 253;
  /** The bound of {@code track_file} and {@code track_process} weights. */
  public static final int MAX_FILE_PROCESS_WEIGHT = 254;

  public TrackedObject {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
    checkWeight(weight, MAX_FILE_PROCESS_WEIGHT);
    Objects.requireNonNull(position, "position");
  }

  /** Tracked with weight 0: failure means FAULT. */
  public static TrackedObject of(String name) {
    return new TrackedObject(name, 0, false, SourcePosition.NONE);
  }

  /** An immutable copy of one {@code track_*} list, each weight checked against its kind's bound. */
  static List<TrackedObject> copyOf(List<TrackedObject> lines, int maxWeight) {
    lines.forEach(t -> checkWeight(t.weight(), maxWeight));
    return List.copyOf(lines);
  }

  private static void checkWeight(int weight, int maxWeight) {
    if (weight < -maxWeight || weight > maxWeight) {
      throw new IllegalArgumentException("weight " + weight + " outside " + -maxWeight + ".." + maxWeight);
    }
  }
}
