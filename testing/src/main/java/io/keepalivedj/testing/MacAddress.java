package io.keepalivedj.testing;

import java.nio.ByteBuffer;

/** Formats the 6-byte MAC addresses read from frames as {@code ip link} prints them (lowercase, colons). */
final class MacAddress {
    static final String PATTERN = "[0-9a-f]{2}(:[0-9a-f]{2}){5}";

    private MacAddress() {
    }

    /** The 6 bytes at {@code offset} of {@code b} (absolute read; the caller checked the length). */
    static String at(ByteBuffer b, int offset) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b.get(offset + i) & 0xff));
        }
        return sb.toString();
    }

    /** {@code mac} if it has the canonical form, else an IllegalArgumentException naming {@code what}. */
    static String check(String mac, String what) {
        if (mac == null || !mac.matches(PATTERN)) {
            throw new IllegalArgumentException(what + " must be a lowercase xx:xx:xx:xx:xx:xx MAC: " + mac);
        }
        return mac;
    }
}
