package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code track_file NAME { ... }} block (deprecated synonym {@code vrrp_track_file}): the
 * integer in a file, times the weight, is added to the priority of whatever tracks it (VRRP
 * instances, sync groups, FILE_CHECK checkers).
 *
 * @param name what {@code track_file} and {@code FILE_CHECK} refer to
 * @param file {@code file}: the path
 * @param weight {@code weight}: default 1, in [-254, 254]
 * @param weightReverse {@code weight N reverse}
 * @param initFile {@code init_file [VALUE] [overwrite]}: create the file at startup
 * @param position where the block starts
 */
public record TrackFile(
    String name,
    String file,
    int weight,
    boolean weightReverse,
    Optional<InitFile> initFile,
    SourcePosition position) {

  public TrackFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(initFile, "initFile");
    Objects.requireNonNull(position, "position");
    if (name.isEmpty() || file.isEmpty()) {
      throw new IllegalArgumentException("empty name or file");
    }
    if (weight < -254 || weight > 254) {
      throw new IllegalArgumentException("weight outside -254..254: " + weight);
    }
  }

  /**
   * {@code init_file [VALUE] [overwrite]}.
   *
   * @param value written to the file, default 0
   * @param overwrite also replace an existing file; default only create a missing one
   */
  public record InitFile(int value, boolean overwrite) {}
}
