package io.keepalivedj.testing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the frames a VRRP test looks for out of a capture: VRRP advertisements, gratuitous ARPs
 * and IPv6 neighbour advertisements. Each method returns empty for a frame that is not a
 * well-formed instance of its kind (every length is checked before it is read), so a malformed
 * advert is never mistaken for a good one; {@link #isVrrpPacket} tells a test that a frame was
 * VRRP at all, so it can demand that every such frame decodes.
 *
 * <p>Only what a VRRP router emits is decoded: Ethernet II with optional 802.1Q tags, IPv4
 * without fragmentation, IPv6 without extension headers.
 */
public final class FrameClassifier {

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88a8;
    /** IANA protocol number of VRRP (RFC 3768 §5.2.4, RFC 5798 §5.1.1.4). */
    static final int IPPROTO_VRRP = 112;
    static final int IPPROTO_ICMPV6 = 58;
    /** ICMPv6 type of a neighbour advertisement (RFC 4861 §4.4). */
    static final int ND_NEIGHBOR_ADVERT = 136;
    /** NDP option "target link-layer address" (RFC 4861 §4.6.1). */
    static final int ND_OPT_TARGET_LINKADDR = 2;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int VRRP_HEADER = 8;
    private static final int V2_AUTH_DATA = 8;
    private static final int ARP_IPV4_LENGTH = 28;
    private static final int NA_MIN_LENGTH = 24;

    private FrameClassifier() {
    }

    /** Whether the frame is IPv4 protocol 112 or IPv6 next header 112, whether or not the VRRP part is valid. */
    public static boolean isVrrpPacket(CapturedFrame frame) {
        return ip(frame.bytes()).filter(p -> p.protocol == IPPROTO_VRRP).isPresent();
    }

    /** The VRRP advertisement in {@code frame}, if it is a well-formed one (RFC 3768 §5, RFC 5798 §5). */
    public static Optional<VrrpAdvertFrame> vrrp(CapturedFrame frame) {
        ByteBuffer b = frame.bytes();
        Optional<IpPacket> packet = ip(b).filter(p -> p.protocol == IPPROTO_VRRP);
        if (packet.isEmpty()) {
            return Optional.empty();
        }
        IpPacket p = packet.get();
        int o = p.payloadOffset;
        if (p.payloadLength < VRRP_HEADER) {
            return Optional.empty();
        }
        int version = (b.get(o) & 0xff) >>> 4;
        int type = b.get(o) & 0x0f;
        int vrid = b.get(o + 1) & 0xff;
        int priority = b.get(o + 2) & 0xff;
        int count = b.get(o + 3) & 0xff;
        boolean v6 = p.source instanceof Inet6Address;
        // type 1 is the only one defined (ADVERTISEMENT); v2 is IPv4 only
        if (type != 1 || vrid == 0 || count == 0 || !(version == 3 || (version == 2 && !v6))) {
            return Optional.empty();
        }
        Duration interval = version == 2
                ? Duration.ofSeconds(b.get(o + 5) & 0xff) // RFC 3768: Adver Int in seconds
                : Duration.ofMillis(10L * (b.getShort(o + 4) & 0x0fff)); // RFC 5798: 4 reserved bits, 12 bits of cs
        int addressLength = v6 ? 16 : 4;
        // exact length, so a count that disagrees with the addresses present is caught (RFC 5798
        // §7.1); v2 always carries the 8 bytes of authentication data (RFC 3768 §5.3.10)
        if (p.payloadLength != VRRP_HEADER + count * addressLength + (version == 2 ? V2_AUTH_DATA : 0)) {
            return Optional.empty();
        }
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(address(b, o + VRRP_HEADER + i * addressLength, addressLength));
        }
        // v2 sums the VRRP message alone; v3 prepends the IP pseudo-header (RFC 5798 §5.2.8)
        long sum = version == 2 ? 0 : pseudoHeaderSum(b, p);
        boolean checksumValid = fold(sum + onesComplementSum(b, o, p.payloadLength)) == 0xffff;
        return Optional.of(new VrrpAdvertFrame(frame.timestamp(), MacAddress.at(b, 6), p.source, p.destination,
                p.ttl, version, vrid, priority, interval, addresses, checksumValid));
    }

    /** The gratuitous ARP in {@code frame}: an IPv4-over-Ethernet ARP whose sender and target IPs are equal (RFC 5227 §3). */
    public static Optional<GratuitousArpFrame> gratuitousArp(CapturedFrame frame) {
        ByteBuffer b = frame.bytes();
        int o = payloadOffset(b, ETHERTYPE_ARP);
        if (o < 0 || b.limit() - o < ARP_IPV4_LENGTH) {
            return Optional.empty();
        }
        // RFC 826: htype 1 (Ethernet), ptype 0x0800, hlen 6, plen 4
        if (b.getShort(o) != 1 || b.getShort(o + 2) != ETHERTYPE_IPV4 || b.get(o + 4) != 6 || b.get(o + 5) != 4) {
            return Optional.empty();
        }
        int op = Short.toUnsignedInt(b.getShort(o + 6));
        int senderIp = b.getInt(o + 14);
        int targetIp = b.getInt(o + 24);
        // sender 0.0.0.0 is an ARP probe (RFC 5227 §2.1.1), not an announcement
        if ((op != GratuitousArpFrame.REQUEST && op != GratuitousArpFrame.REPLY) || senderIp != targetIp || senderIp == 0) {
            return Optional.empty();
        }
        return Optional.of(new GratuitousArpFrame(frame.timestamp(), MacAddress.at(b, 0), MacAddress.at(b, o + 8),
                MacAddress.at(b, o + 18), (Inet4Address) address(b, o + 14, 4), op));
    }

    /** The ICMPv6 neighbour advertisement in {@code frame} (RFC 4861 §4.4), solicited or not. */
    public static Optional<NeighbourAdvertFrame> neighbourAdvert(CapturedFrame frame) {
        ByteBuffer b = frame.bytes();
        Optional<IpPacket> packet = ip(b).filter(p -> p.protocol == IPPROTO_ICMPV6 && p.source instanceof Inet6Address);
        if (packet.isEmpty() || packet.get().payloadLength < NA_MIN_LENGTH) {
            return Optional.empty();
        }
        IpPacket p = packet.get();
        int o = p.payloadOffset;
        if ((b.get(o) & 0xff) != ND_NEIGHBOR_ADVERT || b.get(o + 1) != 0) {
            return Optional.empty();
        }
        int flags = b.get(o + 4) & 0xff;
        Optional<String> linkAddress = Optional.empty();
        int end = o + p.payloadLength;
        // options: type, length in units of 8 bytes (0 is invalid: RFC 4861 §4.6), data
        for (int opt = o + NA_MIN_LENGTH; end - opt >= 2; ) {
            int type = b.get(opt) & 0xff;
            int length = (b.get(opt + 1) & 0xff) * 8;
            if (length == 0 || end - opt < length) {
                return Optional.empty();
            }
            if (type == ND_OPT_TARGET_LINKADDR && length == 8) {
                linkAddress = Optional.of(MacAddress.at(b, opt + 2));
            }
            opt += length;
        }
        return Optional.of(new NeighbourAdvertFrame(frame.timestamp(), MacAddress.at(b, 6), (Inet6Address) p.source,
                (Inet6Address) p.destination, p.ttl, (Inet6Address) address(b, o + 8, 16),
                (flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, linkAddress));
    }

    /** The IP header fields the classifiers need; the payload is {@code payloadLength} bytes at {@code payloadOffset}. */
    private record IpPacket(InetAddress source, InetAddress destination, int ttl, int protocol, int payloadOffset,
            int payloadLength) {
    }

    /** The IPv4 (unfragmented) or IPv6 (no extension header) packet in an Ethernet frame. */
    private static Optional<IpPacket> ip(ByteBuffer b) {
        int o = payloadOffset(b, ETHERTYPE_IPV4);
        if (o >= 0) {
            int available = b.limit() - o;
            if (available < IPV4_MIN_HEADER || (b.get(o) & 0xf0) != 0x40) {
                return Optional.empty();
            }
            int headerLength = (b.get(o) & 0x0f) * 4;
            int totalLength = Short.toUnsignedInt(b.getShort(o + 2));
            // total length, not the frame length: Ethernet pads short frames to 60 bytes
            if (headerLength < IPV4_MIN_HEADER || totalLength < headerLength || totalLength > available) {
                return Optional.empty();
            }
            if ((b.getShort(o + 6) & 0x3fff) != 0) { // MF flag or fragment offset: not a whole datagram
                return Optional.empty();
            }
            return Optional.of(new IpPacket(address(b, o + 12, 4), address(b, o + 16, 4), b.get(o + 8) & 0xff,
                    b.get(o + 9) & 0xff, o + headerLength, totalLength - headerLength));
        }
        o = payloadOffset(b, ETHERTYPE_IPV6);
        if (o >= 0) {
            int available = b.limit() - o;
            if (available < IPV6_HEADER || (b.get(o) & 0xf0) != 0x60) {
                return Optional.empty();
            }
            int payloadLength = Short.toUnsignedInt(b.getShort(o + 4));
            if (payloadLength > available - IPV6_HEADER) {
                return Optional.empty();
            }
            return Optional.of(new IpPacket(address(b, o + 8, 16), address(b, o + 24, 16), b.get(o + 7) & 0xff,
                    b.get(o + 6) & 0xff, o + IPV6_HEADER, payloadLength));
        }
        return Optional.empty();
    }

    /** Where the payload of an Ethernet II frame of {@code etherType} starts (after any VLAN tags), or -1. */
    private static int payloadOffset(ByteBuffer b, int etherType) {
        int o = 12;
        while (b.limit() - o >= 2) {
            int type = Short.toUnsignedInt(b.getShort(o));
            if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) {
                o += 4; // the tag: TPID already read, TCI skipped
                continue;
            }
            return type == etherType ? o + 2 : -1;
        }
        return -1;
    }

    /** Sum of the IPv4 or IPv6 pseudo-header (RFC 768 / RFC 8200 §8.1) for the VRRP payload of {@code p}. */
    private static long pseudoHeaderSum(ByteBuffer b, IpPacket p) {
        byte[] src = p.source.getAddress();
        byte[] dst = p.destination.getAddress();
        ByteBuffer h = ByteBuffer.allocate(src.length == 4 ? 12 : 40);
        h.put(src).put(dst);
        if (src.length == 4) {
            h.put((byte) 0).put((byte) IPPROTO_VRRP).putShort((short) p.payloadLength);
        } else {
            h.putInt(p.payloadLength).put(new byte[3]).put((byte) IPPROTO_VRRP);
        }
        return onesComplementSum(h.flip(), 0, h.limit());
    }

    /** RFC 1071 sum of 16-bit big-endian words, an odd last byte padded with zero; not yet folded. */
    private static long onesComplementSum(ByteBuffer b, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += Short.toUnsignedInt(b.getShort(offset + i));
        }
        if ((length & 1) != 0) {
            sum += (b.get(offset + length - 1) & 0xff) << 8;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static InetAddress address(ByteBuffer b, int offset, int length) {
        byte[] a = new byte[length];
        b.get(offset, a);
        try {
            // Inet6Address explicitly: getByAddress would turn ::ffff:a.b.c.d into an Inet4Address
            return length == 16 ? Inet6Address.getByAddress(null, a, -1) : InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }
}
