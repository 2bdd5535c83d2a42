package io.keepalivedj.config.model;

/** How a {@code linkbeat_interfaces} entry polls link state (keepalived.conf(5)). */
public enum LinkbeatMode implements KeywordEnum {
  MII,
  ETHTOOL,
  IOCTL;

  @Override
  public String keyword() {
    return name();
  }
}
