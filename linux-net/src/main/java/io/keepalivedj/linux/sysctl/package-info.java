/**
 * Network sysctls under /proc/sys/net (Documentation/networking/ip-sysctl.rst): the per-interface
 * ARP and reverse-path settings a DR real server and a VRRP router need (arp_ignore,
 * arp_announce, rp_filter, promote_secondaries, accept_dad) and ip_forward, read and written in
 * the network namespace of the thread that opens the file.
 */
package io.keepalivedj.linux.sysctl;
