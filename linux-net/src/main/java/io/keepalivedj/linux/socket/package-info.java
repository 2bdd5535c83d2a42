/**
 * Raw IP sockets for VRRP (IP protocol 112, RFC 3768 §5.2.4 / RFC 5798 §5.1): IPv4 and IPv6,
 * multicast membership of 224.0.0.18 / ff02::12 per interface, TTL / hop limit 255 on send and
 * read back from the receive control messages (cmsg(3), RFC 3542 for IPv6), source address
 * selection by IP_PKTINFO / IPV6_PKTINFO, and close() that wakes a blocked receiver.
 */
package io.keepalivedj.linux.socket;
