package io.keepalivedj.linux.packet;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An ICMP or ICMPv6 echo request or reply (RFC 792 p. 14, RFC 4443 §4.1-4.2): identifier and
 * sequence number, which the sender uses to match replies to requests, and the data, which
 * the receiver echoes back unchanged. The payload is a read-only private copy; the accessor
 * hands out an independent view, so the record is immutable and equal by content.
 *
 * @param identifier 0-65535; on a Linux ping socket (icmp(7)) the kernel replaces it with the
 *                   socket's bound "port" on send and delivers only replies carrying it
 * @param sequence   0-65535
 * @param payload    the data after the 8-byte header, at most {@link #MAX_PAYLOAD_BYTES}
 */
public record IcmpEcho(IcmpEchoType type, int identifier, int sequence, ByteBuffer payload) {
  /** An IPv4 datagram holds at most 65535 bytes: 20 of IP header and 8 of ICMP header leave this. */
  public static final int MAX_PAYLOAD_BYTES = 65535 - 20 - 8;

  public IcmpEcho {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    if (identifier < 0 || identifier > 0xffff) {
      throw new IllegalArgumentException("echo identifier out of 0..65535: " + identifier);
    }
    if (sequence < 0 || sequence > 0xffff) {
      throw new IllegalArgumentException("echo sequence out of 0..65535: " + sequence);
    }
    if (payload.remaining() > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("echo payload over " + MAX_PAYLOAD_BYTES + " bytes: " + payload.remaining());
    }
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload.duplicate()).flip();
    payload = copy.asReadOnlyBuffer();
  }

  /** The payload bytes, position 0, in a read-only buffer of its own. */
  @Override
  public ByteBuffer payload() {
    return payload.duplicate();
  }

  public int payloadLength() {
    return payload.remaining();
  }
}
