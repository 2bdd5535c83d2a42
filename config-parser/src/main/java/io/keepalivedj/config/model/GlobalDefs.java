package io.keepalivedj.config.model;

/** {@code global_defs} and the top-level process settings. */
public record GlobalDefs() {
  public static GlobalDefs defaults() {
    return new GlobalDefs();
  }
}
