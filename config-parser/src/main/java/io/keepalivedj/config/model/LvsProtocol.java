package io.keepalivedj.config.model;

/**
 * A virtual server's transport protocol, {@code protocol TCP|UDP|SCTP}. keepalived compares
 * this keyword case-insensitively ({@code protocol tcp} is accepted).
 */
public enum LvsProtocol implements KeywordEnum {
  TCP(6),
  UDP(17),
  SCTP(132);

  private final int ipProtocol;

  LvsProtocol(int ipProtocol) {
    this.ipProtocol = ipProtocol;
  }

  /** The IP protocol number IPVS is given (IANA protocol numbers). */
  public int ipProtocol() {
    return ipProtocol;
  }

  @Override
  public String keyword() {
    return name();
  }
}
