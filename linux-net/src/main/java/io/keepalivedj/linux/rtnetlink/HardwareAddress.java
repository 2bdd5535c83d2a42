package io.keepalivedj.linux.rtnetlink;

import java.util.Arrays;
import java.util.HexFormat;

/** A link-layer address (IFLA_ADDRESS): immutable, equal by content, printed as aa:bb:cc:... */
public final class HardwareAddress {
  /** MAX_ADDR_LEN in include/linux/netdevice.h. */
  public static final int MAX_LENGTH = 32;

  private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

  private final byte[] bytes;

  private HardwareAddress(byte[] bytes) {
    if (bytes.length > MAX_LENGTH) {
      throw new IllegalArgumentException("link-layer address longer than 32 bytes: " + bytes.length);
    }
    this.bytes = bytes;
  }

  public static HardwareAddress of(byte[] bytes) {
    return new HardwareAddress(bytes.clone());
  }

  /** Parses "02:00:00:00:00:10". */
  public static HardwareAddress parse(String text) {
    return new HardwareAddress(text.isEmpty() ? new byte[0] : COLONS.parseHex(text));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HardwareAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return COLONS.formatHex(bytes);
  }
}
