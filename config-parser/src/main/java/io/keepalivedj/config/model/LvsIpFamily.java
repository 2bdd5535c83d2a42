package io.keepalivedj.config.model;

/**
 * An address family as the LVS side writes it: {@code ip_family inet|inet6} in a virtual server,
 * and the optional family after a {@code fwmark} entry of a virtual server group.
 */
public enum LvsIpFamily implements KeywordEnum {
  INET("inet"),
  INET6("inet6");

  private final String keyword;

  LvsIpFamily(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  /** The family of an address. */
  public static LvsIpFamily of(java.net.InetAddress address) {
    return address instanceof java.net.Inet4Address ? INET : INET6;
  }
}
