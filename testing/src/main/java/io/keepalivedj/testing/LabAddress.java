package io.keepalivedj.testing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * An interface address in the documentation ranges the lab may use (DESIGN.md "Lab addresses"):
 * 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737) and 2001:db8::/32 (RFC 3849).
 * Anything else cannot be constructed, so a lab can never configure a routable address.
 *
 * @param address      the address, within a lab range
 * @param prefixLength the on-link prefix length (0..32 or 0..128)
 */
public record LabAddress(InetAddress address, int prefixLength) {

    /** The ranges, as (network, prefix length). */
    private static final List<LabAddress> RANGES = List.of(
            raw("192.0.2.0", 24), raw("198.51.100.0", 24), raw("203.0.113.0", 24), raw("2001:db8::", 32));

    public LabAddress {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
        if (RANGES != null && !isLabAddress(address)) {
            throw new IllegalArgumentException(address.getHostAddress()
                    + " is outside the lab ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32");
        }
    }

    /** Parses "192.0.2.2/24" or "2001:db8::2/64"; a bare address gets /32 or /128. Literals only, no DNS. */
    public static LabAddress parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        int slash = cidr.indexOf('/');
        InetAddress a = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        int len;
        if (slash < 0) {
            len = a instanceof Inet4Address ? 32 : 128;
        } else {
            try {
                len = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + cidr, e);
            }
        }
        return new LabAddress(a, len);
    }

    /** Whether {@code a} lies in one of the lab ranges. */
    public static boolean isLabAddress(InetAddress a) {
        for (LabAddress r : RANGES) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** True for an IPv6 address. */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** The address without the prefix length, e.g. "192.0.2.2". */
    public String host() {
        return address.getHostAddress();
    }

    /** "address/prefix", as {@code ip addr add} takes it. */
    @Override
    public String toString() {
        return host() + "/" + prefixLength;
    }

    private boolean contains(InetAddress a) {
        byte[] net = address.getAddress();
        byte[] x = a.getAddress();
        if (net.length != x.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((net[bit / 8] & mask) != (x[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The ranges themselves, built before validation exists (RANGES is still null then). */
    private static LabAddress raw(String net, int len) {
        return new LabAddress(literal(net), len);
    }

    /** An IP literal; refuses host names so parsing never resolves DNS. */
    private static InetAddress literal(String s) {
        if (s.isEmpty() || !s.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address literal: '" + s + "'");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: '" + s + "'", e);
        }
    }
}
