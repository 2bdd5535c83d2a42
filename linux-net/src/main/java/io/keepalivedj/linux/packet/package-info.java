/**
 * Packet sockets (packet(7), AF_PACKET) and the link-layer frames a VRRP master announces its
 * addresses with: the gratuitous ARP of RFC 5227 §2.3 / RFC 5944 §4.6 in keepalived's shape
 * (an ARP request, sender = target = VIP, broadcast) and the unsolicited neighbour
 * advertisement of RFC 4861 §7.2.6 (to ff02::1, override flag, target link-layer address).
 */
package io.keepalivedj.linux.packet;
