/**
 * The VRRP engine: the v2/v3 packet codec, the RFC 5798 state machine as a pure function of (state, event), timers, gratuitous ARP and neighbour advertisements, VIP installation, tracking, notify scripts, sync groups and the Linux transport.
 */
package io.keepalivedj.vrrp.impl;
