package io.keepalivedj.config.model;

/** {@code auth_type} of a VRRPv2 instance's {@code authentication} block (RFC 2338 §5.3.6). */
public enum AuthType implements KeywordEnum {
  /** Simple text password, carried in clear in the advert. */
  PASS,
  /** IPsec AH (IPv4 only). */
  AH;

  @Override
  public String keyword() {
    return name();
  }
}
