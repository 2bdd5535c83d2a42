package io.keepalivedj.testing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A VRRP advertisement as seen on the wire (RFC 3768 §5 for version 2 over IPv4, RFC 5798 §5
 * for version 3 over IPv4 or IPv6), with the IP fields a receiver must check (§7.1: TTL/hop
 * limit 255) and what identifies the sender.
 *
 * @param timestamp      capture time
 * @param sourceMac      Ethernet source (the sender's real MAC unless it uses a VMAC)
 * @param source         IP source: the sender's primary address (v3 over IPv6: its link-local)
 * @param destination    224.0.0.18, ff02::12, or the unicast peer
 * @param ttl            IPv4 TTL or IPv6 hop limit (must be 255)
 * @param version        2 or 3
 * @param vrid           virtual router id, 1..255
 * @param priority       0 (master resigning) .. 255 (address owner)
 * @param advertInterval v2: the seconds field; v3: the 12-bit centisecond field
 * @param addresses      the virtual addresses, in packet order
 * @param checksumValid  whether the VRRP checksum verifies (v3: with the IP pseudo-header)
 */
public record VrrpAdvertFrame(Instant timestamp, String sourceMac, InetAddress source, InetAddress destination, int ttl,
        int version, int vrid, int priority, Duration advertInterval, List<InetAddress> addresses,
        boolean checksumValid) {

    public VrrpAdvertFrame {
        Objects.requireNonNull(timestamp, "timestamp");
        MacAddress.check(sourceMac, "sourceMac");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(advertInterval, "advertInterval");
        if (source.getClass() != destination.getClass()) {
            throw new IllegalArgumentException("source and destination of different families: " + source + ", " + destination);
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl out of 0..255: " + ttl);
        }
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("VRRP version must be 2 or 3: " + version);
        }
        if (version == 2 && !(source instanceof Inet4Address)) {
            throw new IllegalArgumentException("VRRPv2 runs over IPv4 only (RFC 3768)");
        }
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("vrid out of 1..255: " + vrid);
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority out of 0..255: " + priority);
        }
        if (advertInterval.isNegative()) {
            throw new IllegalArgumentException("negative advert interval: " + advertInterval);
        }
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || addresses.size() > 255) {
            throw new IllegalArgumentException("address count out of 1..255: " + addresses.size());
        }
        boolean v6 = source instanceof Inet6Address;
        for (InetAddress a : addresses) {
            if ((a instanceof Inet6Address) != v6) {
                throw new IllegalArgumentException("virtual address " + a + " of another family than " + source);
            }
        }
    }
}
