/**
 * The network-namespace lab behind {@code bin/lab seed}: the seed's segment (client, lb1, lb2,
 * rs1, rs2 on one bridge, 192.0.2.0/24), its real servers set up for direct routing as the
 * seed's blog describes, web servers on them, and our HTTP_GET checkers run from lb1's namespace
 * with the configuration's own timings, printed as an operator reads them: UP, a server stopped,
 * DOWN with its reason and the measured detection time beside keepalived's bound, UP again.
 */
package io.keepalivedj.examples.lab;
