package io.keepalivedj.config.model;

import java.util.Locale;

/**
 * An IPVS scheduler, as {@code lvs_sched} (alias {@code lb_algo}) names it. keepalived accepts
 * exactly these fourteen names (keepalived 2.2.7 {@code check/check_parser.c}, its scheduler
 * list); any other name is logged and ignored, and a virtual server left without one gets
 * {@link #WLC}, keepalived's {@code IPVS_DEF_SCHED}.
 */
public enum LvsScheduler implements KeywordEnum {
  /** Round robin. */
  RR,
  /** Weighted round robin. */
  WRR,
  /** Least connection. */
  LC,
  /** Weighted least connection: keepalived's default. */
  WLC,
  /** Locality-based least connection. */
  LBLC,
  /** Source hashing; {@code sh-port} and {@code sh-fallback} apply only to it. */
  SH,
  /** Maglev hashing; {@code mh-port} and {@code mh-fallback} apply only to it. */
  MH,
  /** Destination hashing. */
  DH,
  /** Weighted failover. */
  FO,
  /** Weighted overflow. */
  OVF,
  /** Locality-based least connection with replication. */
  LBLCR,
  /** Shortest expected delay. */
  SED,
  /** Never queue. */
  NQ,
  /** Weighted random twos choice. */
  TWOS;

  @Override
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
