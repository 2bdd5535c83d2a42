/**
 * Keepalived/J's entry point for embedders: a parsed keepalived.conf or a builder turned into running VRRP instances, IPVS services and health checkers, with reload by difference, state snapshots and metrics.
 */
package io.keepalivedj;
