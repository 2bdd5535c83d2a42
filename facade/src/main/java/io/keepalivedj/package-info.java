/**
 * Keepalived/J's entry point for embedders: a parsed keepalived.conf or a builder turned into running VRRP instances, IPVS services and health checkers, with reload by difference, state snapshots and metrics.
 *
 * <p>Today: {@link io.keepalivedj.CheckPlan}, every checker of a configuration mapped to the health-check engine's specs with keepalived's effective values (or a {@link io.keepalivedj.SkipReason} saying why not), and {@link io.keepalivedj.DetectionBound}, how long those checks may take to notice a change.
 */
package io.keepalivedj;
