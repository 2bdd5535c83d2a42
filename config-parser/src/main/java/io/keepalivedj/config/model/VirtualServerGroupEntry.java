package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@code virtual_server_group}: an address range with an optional port, or a
 * firewall mark.
 */
public sealed interface VirtualServerGroupEntry
    permits VirtualServerGroupEntry.AddressRange, VirtualServerGroupEntry.Fwmark {

  SourcePosition position();

  /**
   * {@code IP [PORT]}, {@code a.b.c.d-e [PORT]} (the last byte, or for IPv6 the last 16-bit group,
   * ranges up to {@code e}), {@code a.b.c.d-a.b.c.z [PORT]} (two whole addresses) or
   * {@code ADDR/LEN [PORT]} (the prefix, whose host bits must be zero; keepalived 2.2.7 range
   * forms). A single address is a range of one.
   *
   * @param first the first address
   * @param last the last address, same family, not below {@code first}
   * @param port 1..65535, or 0 for none (written as no port or {@code 0}: a persistent service
   *     on every port)
   * @param position where the line is
   */
  record AddressRange(InetAddress first, InetAddress last, int port, SourcePosition position)
      implements VirtualServerGroupEntry {
    public AddressRange {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      Objects.requireNonNull(position, "position");
      if (first.getClass() != last.getClass()) {
        throw new IllegalArgumentException("range ends of different families: " + first + " - " + last);
      }
      if (Arrays.compareUnsigned(first.getAddress(), last.getAddress()) > 0) {
        throw new IllegalArgumentException("range end below its start: " + first + " - " + last);
      }
      LvsChecks.port("port", port, true);
    }

    public static AddressRange single(InetAddress address, int port, SourcePosition position) {
      return new AddressRange(address, address, port, position);
    }

    public LvsIpFamily family() {
      return LvsIpFamily.of(first);
    }

    /** Whether {@code address} lies in the range. */
    public boolean contains(InetAddress address) {
      return address.getClass() == first.getClass()
          && Arrays.compareUnsigned(first.getAddress(), address.getAddress()) <= 0
          && Arrays.compareUnsigned(address.getAddress(), last.getAddress()) <= 0;
    }
  }

  /**
   * {@code fwmark N [inet|inet6]}.
   *
   * @param fwmark the mark, 0..4294967295
   * @param family the family of the service; default none (the virtual server's family)
   * @param position where the line is
   */
  record Fwmark(long fwmark, Optional<LvsIpFamily> family, SourcePosition position)
      implements VirtualServerGroupEntry {
    public Fwmark {
      LvsChecks.range("fwmark", fwmark, 0, LvsChecks.UINT32_MAX);
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(position, "position");
    }
  }
}
