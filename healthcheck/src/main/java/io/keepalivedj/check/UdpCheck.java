package io.keepalivedj.check;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * UDP_CHECK of keepalived.conf(5). One datagram to the real server; it fails on an ICMP error
 * ("it relies on ICMP error messages such as HOST_UNREACH, NET_UNREACH, PORT_UNREACH") and,
 * with {@code require_reply}, when no acceptable reply comes within connect_timeout.
 *
 * <p>Byte strings are kept as lower-case hex text (records hold no arrays), already
 * normalised by {@link #parseHex}: the man page's "Ab12f 3 456 546443123" is
 * {@code ab120f0345065464431203}.
 *
 * @param payload        {@code payload HEX_STR}: "the HEX_STR will be sent as the UDP data,
 *                       otherwise a random payload will be sent"
 * @param requireReply   {@code require_reply}: "Require a reply packet for check to be successful"
 * @param replyPattern   {@code require_reply HEX_STR}: the reply "must match up to the minimum of
 *                       the received data length and the length of the require_reply HEX_STR";
 *                       an {@code x} nibble matches anything
 * @param minReplyLength {@code min_reply_length}: default 0
 * @param maxReplyLength {@code max_reply_length}: default 255
 */
public record UdpCheck(
        CheckTarget target,
        CheckOptions options,
        Optional<String> payload,
        boolean requireReply,
        Optional<String> replyPattern,
        int minReplyLength,
        int maxReplyLength) implements CheckSpec {

    /** keepalived.conf(5): "max_reply_length ... default is 255". */
    public static final int DEFAULT_MAX_REPLY_LENGTH = 255;

    public UdpCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(replyPattern, "replyPattern");
        payload.ifPresent(p -> requireHex(p, false, "payload"));
        replyPattern.ifPresent(p -> requireHex(p, true, "require_reply"));
        if (replyPattern.isPresent() && !requireReply) {
            throw new IllegalArgumentException("a reply pattern needs require_reply");
        }
        if (minReplyLength < 0 || maxReplyLength < minReplyLength || maxReplyLength > 65507) {
            throw new IllegalArgumentException("need 0 <= min_reply_length <= max_reply_length <= 65507: "
                    + minReplyLength + ", " + maxReplyLength);
        }
        if (target.connectAddress().getPort() == 0) {
            throw new IllegalArgumentException("UDP_CHECK needs a real server port or connect_port: " + target);
        }
    }

    /** UDP_CHECK with defaults: random payload, no reply required. */
    public static UdpCheck of(CheckTarget target) {
        return new UdpCheck(target, CheckOptions.defaults(CheckType.UDP_CHECK), Optional.empty(), false,
                Optional.empty(), 0, DEFAULT_MAX_REPLY_LENGTH);
    }

    public UdpCheck withOptions(CheckOptions value) {
        return new UdpCheck(target, value, payload, requireReply, replyPattern, minReplyLength, maxReplyLength);
    }

    /** {@code payload HEX_STR}, in keepalived's free format. */
    public UdpCheck withPayload(String hexStr) {
        return new UdpCheck(target, options, Optional.of(parseHex(hexStr, false)), requireReply, replyPattern,
                minReplyLength, maxReplyLength);
    }

    /** {@code require_reply [HEX_STR]}, the pattern in keepalived's free format. */
    public UdpCheck withRequireReply(Optional<String> hexStr) {
        return new UdpCheck(target, options, payload, true, hexStr.map(h -> parseHex(h, true)), minReplyLength,
                maxReplyLength);
    }

    public UdpCheck withReplyLength(int min, int max) {
        return new UdpCheck(target, options, payload, requireReply, replyPattern, min, max);
    }

    /** The payload bytes, if configured. */
    public Optional<byte[]> payloadBytes() {
        return payload.map(HexFormat.of()::parseHex);
    }

    /**
     * keepalived's HEX_STR: words split on white space, each read as pairs of hex digits from
     * the left, an odd last digit standing alone ("Ab12f 3 456 546443123" is AB 12 0F 03 45 06
     * 54 64 43 12 03, keepalived.conf(5)). With {@code wildcards}, X or x is a nibble that
     * matches anything. Returns lower-case hex, two digits per byte.
     */
    public static String parseHex(String hexStr, boolean wildcards) {
        StringBuilder out = new StringBuilder();
        for (String word : hexStr.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT);
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                boolean ok = Character.digit(c, 16) >= 0 || (wildcards && c == 'x');
                if (!ok) {
                    throw new IllegalArgumentException("not a hex digit" + (wildcards ? " or X" : "") + ": '" + c
                            + "' in '" + hexStr + "'");
                }
            }
            int i = 0;
            for (; i + 1 < w.length(); i += 2) {
                out.append(w, i, i + 2);
            }
            if (i < w.length()) {
                out.append('0').append(w.charAt(i));
            }
        }
        if (out.length() == 0) {
            throw new IllegalArgumentException("empty HEX_STR");
        }
        return out.toString();
    }

    /**
     * Whether {@code reply} matches {@code pattern} (normalised hex with x wildcards) over the
     * shorter of the two, as keepalived.conf(5) says.
     */
    static boolean matches(String pattern, byte[] reply) {
        int n = Math.min(pattern.length() / 2, reply.length);
        for (int i = 0; i < n; i++) {
            int hi = (reply[i] >> 4) & 0xf;
            int lo = reply[i] & 0xf;
            if (!nibble(pattern.charAt(2 * i), hi) || !nibble(pattern.charAt(2 * i + 1), lo)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nibble(char p, int value) {
        return p == 'x' || Character.digit(p, 16) == value;
    }

    private static void requireHex(String hex, boolean wildcards, String what) {
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c ->
                (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (wildcards && c == 'x'))) {
            throw new IllegalArgumentException(what + " must be normalised lower-case hex (see parseHex): " + hex);
        }
    }

    @Override
    public CheckType type() {
        return CheckType.UDP_CHECK;
    }
}
