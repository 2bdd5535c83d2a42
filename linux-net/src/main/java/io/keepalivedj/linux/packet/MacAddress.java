package io.keepalivedj.linux.packet;

import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.Objects;

/** A 48-bit Ethernet (EUI-48) address held in the low bits of a long; printed aa:bb:cc:dd:ee:ff. */
public record MacAddress(long value) {
  public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
  /** 33:33:00:00:00:01, where IPv6 ff02::1 maps (RFC 2464 §7). */
  public static final MacAddress IPV6_ALL_NODES = new MacAddress(0x3333_0000_0001L);

  private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

  public MacAddress {
    if ((value & ~0xffff_ffff_ffffL) != 0) {
      throw new IllegalArgumentException("not a 48-bit address: 0x" + Long.toHexString(value));
    }
  }

  /** From six bytes in transmission order. */
  public static MacAddress of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != IfEtherUapi.ETH_ALEN) {
      throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + bytes.length);
    }
    long value = 0;
    for (byte b : bytes) {
      value = value << 8 | (b & 0xff);
    }
    return new MacAddress(value);
  }

  /** Parses "02:00:5e:c0:02:02". */
  public static MacAddress parse(String text) {
    return of(COLONS.parseHex(text));
  }

  /** The six bytes in transmission order, a fresh array. */
  public byte[] bytes() {
    byte[] bytes = new byte[IfEtherUapi.ETH_ALEN];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (value >>> (8 * (5 - i)));
    }
    return bytes;
  }

  /** The multicast MAC an IPv6 group maps to: 33:33 and the group's last 32 bits (RFC 2464 §7). */
  public static MacAddress ofIpv6Multicast(Inet6Address group) {
    if (!group.isMulticastAddress()) {
      throw new IllegalArgumentException("not a multicast group: " + group.getHostAddress());
    }
    byte[] a = group.getAddress();
    return of(new byte[] {0x33, 0x33, a[12], a[13], a[14], a[15]});
  }

  @Override
  public String toString() {
    return COLONS.formatHex(bytes());
  }
}
