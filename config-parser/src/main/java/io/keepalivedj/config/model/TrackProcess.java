package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A {@code vrrp_track_process NAME { ... }} block: the number of running processes matching a
 * name (seen through the kernel's process-events connector) tracks an instance.
 *
 * @param name what {@code track_process} refers to
 * @param process {@code process}: the process name (or path, with {@code full_command})
 * @param processParams the words after the name on the {@code process} line, to be matched
 * @param paramMatch {@code param_match}; default {@link ParamMatch#NONE} without parameters,
 *     {@link ParamMatch#EXACT} with them
 * @param weight {@code weight}, default 0, in [-254, 254]
 * @param weightReverse {@code weight N reverse}
 * @param quorum {@code quorum}: processes needed to count as up, default 1, in [0, 65535]
 *     (0 only with {@code quorum_max 0})
 * @param quorumMax {@code quorum_max}: more processes than this count as down; empty: no limit
 * @param terminateDelay {@code terminate_delay} (or {@code delay}): wait after a process exits
 *     before counting it; default 0, at most 3600 s
 * @param forkDelay {@code fork_delay} (or {@code delay}): wait after a process starts before
 *     counting it; default 0, at most 3600 s
 * @param fullCommand {@code full_command}: match the command line, not the 15-character comm
 * @param position where the block starts
 */
public record TrackProcess(
    String name,
    String process,
    List<String> processParams,
    ParamMatch paramMatch,
    int weight,
    boolean weightReverse,
    int quorum,
    OptionalInt quorumMax,
    Duration terminateDelay,
    Duration forkDelay,
    boolean fullCommand,
    SourcePosition position) {

  private static final Duration MAX_DELAY = Duration.ofSeconds(3600);

  public TrackProcess {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(process, "process");
    processParams = List.copyOf(processParams);
    Objects.requireNonNull(paramMatch, "paramMatch");
    Objects.requireNonNull(quorumMax, "quorumMax");
    Objects.requireNonNull(terminateDelay, "terminateDelay");
    Objects.requireNonNull(forkDelay, "forkDelay");
    Objects.requireNonNull(position, "position");
    if (name.isEmpty() || process.isEmpty()) {
      throw new IllegalArgumentException("empty name or process");
    }
    if (weight < -254 || weight > 254) {
      throw new IllegalArgumentException("weight outside -254..254: " + weight);
    }
    if (quorum < 0 || quorum > 65535) {
      throw new IllegalArgumentException("quorum outside 0..65535: " + quorum);
    }
    if (quorumMax.isPresent()) {
      int max = quorumMax.getAsInt();
      if (max < 0 || max > 65535 || (max != 0 && max < quorum) || (max == 0 && quorum != 0)) {
        throw new IllegalArgumentException("quorum_max " + max + " inconsistent with quorum " + quorum);
      }
    } else if (quorum == 0) {
      throw new IllegalArgumentException("quorum 0 needs quorum_max 0");
    }
    for (Duration d : List.of(terminateDelay, forkDelay)) {
      if (d.isNegative() || d.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("delay outside 0..3600 s: " + d);
      }
    }
  }
}
