/**
 * IPVS (Linux Virtual Server) over generic netlink, as uapi/linux/ip_vs.h defines it: services, destinations, flush, dumps with statistics, timeouts and the sync daemon, plus a reconciler from desired state to the fewest operations.
 */
package io.keepalivedj.ipvs;
