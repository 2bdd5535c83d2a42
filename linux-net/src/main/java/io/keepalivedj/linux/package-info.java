/**
 * Linux networking from Java over jnr-ffi (libc): netlink sockets and the attribute codec (RFC 3549), rtnetlink links, addresses, routes and rules, generic netlink family lookup, raw IP sockets for protocol 112, packet sockets for gratuitous ARP (RFC 5227) and unsolicited neighbour advertisements (RFC 4861), sysctl and setns.
 */
package io.keepalivedj.linux;
