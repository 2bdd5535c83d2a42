package io.keepalivedj.config.model;

/**
 * The initial state a {@code vrrp_instance} asks for ({@code state MASTER|BACKUP}). keepalived
 * starts every instance in BACKUP and only uses this to decide how fast to claim mastership.
 */
public enum VrrpState implements KeywordEnum {
  MASTER,
  BACKUP;

  @Override
  public String keyword() {
    return name();
  }
}
