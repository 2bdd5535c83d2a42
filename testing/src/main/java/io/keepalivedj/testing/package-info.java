/**
 * The test harness: network-namespace labs, processes inside them, Debian's keepalived as a live peer, packet capture and the qemu guest that runs what this kernel cannot (IPVS).
 */
package io.keepalivedj.testing;
