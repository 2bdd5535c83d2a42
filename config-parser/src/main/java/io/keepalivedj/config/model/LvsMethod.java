package io.keepalivedj.config.model;

/**
 * An IPVS forwarding method, as {@code lvs_method} (alias {@code lb_kind}),
 * {@code sorry_server_lvs_method} and a real server's {@code lvs_method} spell it. keepalived
 * compares case-sensitively, so {@code nat} is an error. A virtual server without one falls back
 * to {@link #NAT} (with an error) as soon as a real or sorry server needs it.
 */
public enum LvsMethod implements KeywordEnum {
  /** Masquerading ({@code IP_VS_CONN_F_MASQ}). */
  NAT,
  /** Direct routing ({@code IP_VS_CONN_F_DROUTE}). */
  DR,
  /** IP tunnelling ({@code IP_VS_CONN_F_TUNNEL}); see {@link LvsTunnel} for its options. */
  TUN;

  @Override
  public String keyword() {
    return name();
  }
}
