package io.keepalivedj.linux.packet;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071): one's complement of the one's-complement sum of 16-bit
 * big-endian words, an odd last byte padded with zero. ICMPv6 (RFC 4443 §2.3) and VRRPv3
 * over IPv6 (RFC 5798 §5.2.8) sum the IPv6 pseudo-header of RFC 8200 §8.1 first.
 */
public final class InternetChecksum {
  private InternetChecksum() {
  }

  /** The checksum of {@code data}'s remaining bytes (position unchanged). */
  public static int compute(ByteBuffer data) {
    return fold(sum(0, data));
  }

  /**
   * The checksum of an upper-layer packet ({@code packet}'s remaining bytes, checksum field
   * zero) under the IPv6 pseudo-header: source, destination, upper-layer length (32 bits),
   * three zero bytes and the next header value.
   */
  public static int ipv6(Inet6Address source, Inet6Address destination, int nextHeader, ByteBuffer packet) {
    long sum = sum(0, ByteBuffer.wrap(source.getAddress()));
    sum = sum(sum, ByteBuffer.wrap(destination.getAddress()));
    int length = packet.remaining();
    sum += (length >>> 16) + (length & 0xffff);
    sum += nextHeader & 0xff;
    return fold(sum(sum, packet));
  }

  private static long sum(long initial, ByteBuffer data) {
    long sum = initial;
    int start = data.position();
    int end = data.limit();
    int i = start;
    for (; i + 1 < end; i += 2) {
      sum += (data.get(i) & 0xff) << 8 | (data.get(i + 1) & 0xff);
    }
    if (i < end) {
      sum += (data.get(i) & 0xff) << 8;
    }
    return sum;
  }

  private static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }
}
