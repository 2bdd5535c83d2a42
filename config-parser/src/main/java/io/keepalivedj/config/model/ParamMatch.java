package io.keepalivedj.config.model;

/**
 * How a {@code vrrp_track_process} compares the process's arguments with the configured ones
 * ({@code param_match [initial|partial]}); a bare {@code param_match}, or {@code process} with
 * arguments, means {@link #EXACT}.
 */
public enum ParamMatch implements KeywordEnum {
  /** Only the process name is compared (no arguments configured). */
  NONE("none"),
  /** Every argument must match. */
  EXACT("exact"),
  /** The configured arguments must be the first arguments of the process. */
  INITIAL("initial"),
  /** The configured arguments must appear, in order, somewhere in the process's arguments. */
  PARTIAL("partial");

  private final String keyword;

  ParamMatch(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }
}
