package io.keepalivedj.testing;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.Objects;

/**
 * A gratuitous ARP (RFC 5227 §3): an ARP request or reply whose sender and target protocol
 * addresses are both {@code address}, announcing that it now lives at {@code senderMac}.
 * keepalived sends requests, broadcast, with target MAC ff:ff:ff:ff:ff:ff.
 *
 * @param timestamp           capture time
 * @param ethernetDestination the frame's destination MAC (broadcast for keepalived's)
 * @param senderMac           ARP sender hardware address: where the address now lives
 * @param targetMac           ARP target hardware address
 * @param address             the announced IPv4 address (sender = target)
 * @param operation           1 = request, 2 = reply (RFC 826)
 */
public record GratuitousArpFrame(Instant timestamp, String ethernetDestination, String senderMac, String targetMac,
        Inet4Address address, int operation) {

    /** ARP opcode of a request (RFC 826). */
    public static final int REQUEST = 1;
    /** ARP opcode of a reply (RFC 826). */
    public static final int REPLY = 2;

    public GratuitousArpFrame {
        Objects.requireNonNull(timestamp, "timestamp");
        MacAddress.check(ethernetDestination, "ethernetDestination");
        MacAddress.check(senderMac, "senderMac");
        MacAddress.check(targetMac, "targetMac");
        Objects.requireNonNull(address, "address");
        if (operation != REQUEST && operation != REPLY) {
            throw new IllegalArgumentException("ARP operation must be 1 (request) or 2 (reply): " + operation);
        }
    }
}
