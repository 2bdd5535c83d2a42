package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code FILE_CHECK { ... }}: the real server's weight follows a number in a file watched by a
 * top-level {@code track_file}. It has none of the common checker options.
 *
 * @param trackFile {@code track_file NAME}: a {@code track_file} block defined in the file;
 *     required
 * @param weight {@code weight N [reverse]}: multiplier of the file's value,
 *     -2147483647..2147483647; default the {@code track_file}'s own weight (and reverse)
 * @param reverse the {@code reverse} of {@code weight N reverse}; default false
 * @param dynamic {@code dynamic}: documented in keepalived.conf(5) (add the weight to the quorum
 *     and LVS weight) but registered by no keepalived release, whose {@code -t} rejects it; default
 *     false
 * @param position where the keyword is
 */
public record FileChecker(
    String trackFile,
    Optional<Integer> weight,
    boolean reverse,
    boolean dynamic,
    SourcePosition position) implements CheckerConfig {

  public FileChecker {
    Objects.requireNonNull(trackFile, "trackFile");
    if (trackFile.isEmpty()) {
      throw new IllegalArgumentException("FILE_CHECK needs a track_file");
    }
    LvsChecks.range("weight", weight, -LvsChecks.WEIGHT_MAX, LvsChecks.WEIGHT_MAX);
    if (reverse && weight.isEmpty()) {
      throw new IllegalArgumentException("reverse belongs to an explicit weight");
    }
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "FILE_CHECK";
  }
}
