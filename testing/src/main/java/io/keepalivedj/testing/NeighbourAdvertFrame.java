package io.keepalivedj.testing;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICMPv6 neighbour advertisement (RFC 4861 §4.4). The unsolicited one a new VRRP master sends
 * for an IPv6 VIP goes from the VIP to ff02::1 with only the override flag and the target
 * link-layer address option (RFC 5798 §6.4.2; RFC 4861 §7.2.6).
 *
 * @param timestamp         capture time
 * @param sourceMac         Ethernet source
 * @param source            IPv6 source
 * @param destination       IPv6 destination (ff02::1 when unsolicited)
 * @param hopLimit          must be 255 (RFC 4861 §7.1.2)
 * @param target            the address being advertised
 * @param router            R flag
 * @param solicited         S flag (false for an unsolicited advertisement)
 * @param override          O flag
 * @param targetLinkAddress the target link-layer address option (type 2), if present
 */
public record NeighbourAdvertFrame(Instant timestamp, String sourceMac, Inet6Address source, Inet6Address destination,
        int hopLimit, Inet6Address target, boolean router, boolean solicited, boolean override,
        Optional<String> targetLinkAddress) {

    public NeighbourAdvertFrame {
        Objects.requireNonNull(timestamp, "timestamp");
        MacAddress.check(sourceMac, "sourceMac");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(target, "target");
        if (hopLimit < 0 || hopLimit > 255) {
            throw new IllegalArgumentException("hop limit out of 0..255: " + hopLimit);
        }
        Objects.requireNonNull(targetLinkAddress, "targetLinkAddress");
        targetLinkAddress.ifPresent(m -> MacAddress.check(m, "targetLinkAddress"));
    }
}
