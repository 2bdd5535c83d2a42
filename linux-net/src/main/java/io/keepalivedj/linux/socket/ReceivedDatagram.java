package io.keepalivedj.linux.socket;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One datagram a {@link RawIpSocket} received, as RFC 3768 §7.1 / RFC 5798 §7.1 checks need it.
 *
 * @param payload        the bytes after the IP header (the VRRP packet), in a read-only buffer
 *                       of its own; for IPv4 the kernel hands raw sockets the IP header too,
 *                       which is stripped here, IPv6 raw sockets never see theirs (RFC 3542 §3)
 * @param source         the IP source address; IPv6 link-local ones carry the scope id
 * @param destination    the IP destination address (IP_PKTINFO ipi_addr / IPV6_PKTINFO), e.g.
 *                       224.0.0.18, ff02::12, or this host's unicast address
 * @param hopLimit       the IPv4 TTL (IP_TTL cmsg) or IPv6 hop limit (IPV6_HOPLIMIT cmsg)
 *                       as received; VRRP drops anything but 255
 * @param interfaceIndex the interface the datagram arrived on
 */
public record ReceivedDatagram(ByteBuffer payload, InetAddress source, InetAddress destination,
    int hopLimit, int interfaceIndex) {
  public ReceivedDatagram {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
      throw new IllegalArgumentException("source " + source + " and destination " + destination
          + " are of different families");
    }
    if (hopLimit < 0 || hopLimit > 255) {
      throw new IllegalArgumentException("hop limit out of 0..255: " + hopLimit);
    }
    if (interfaceIndex <= 0) {
      throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
    }
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload.duplicate()).flip();
    payload = copy.asReadOnlyBuffer();
  }

  /** The payload bytes, position 0, in a read-only view of its own. */
  @Override
  public ByteBuffer payload() {
    return payload.duplicate();
  }
}
