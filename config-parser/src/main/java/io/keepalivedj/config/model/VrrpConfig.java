package io.keepalivedj.config.model;

/** The VRRP side of a configuration. */
public record VrrpConfig() {
  public static VrrpConfig empty() {
    return new VrrpConfig();
  }
}
