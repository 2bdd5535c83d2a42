package io.keepalivedj.config.model;

/** The LVS (checker) side of a configuration. */
public record LvsConfig() {
  public static LvsConfig empty() {
    return new LvsConfig();
  }
}
