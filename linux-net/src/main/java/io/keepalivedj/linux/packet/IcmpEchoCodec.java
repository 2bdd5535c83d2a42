package io.keepalivedj.linux.packet;

import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Encodes and decodes {@link IcmpEcho} messages, the ICMP part only (what a ping socket sends
 * and receives: icmp(7), no IP header). Pure. Layout, RFC 792 p. 14 and RFC 4443 §4.1:
 *
 * <pre>
 *  0 type (8 / 0; ICMPv6 128 / 129)   1 code (0)   2 checksum (16 bits)
 *  4 identifier (16 bits)                          6 sequence number (16 bits)
 *  8 data ...
 * </pre>
 *
 * The ICMP checksum is RFC 1071's over the whole message ({@link InternetChecksum#compute}).
 * The ICMPv6 checksum also covers the IPv6 pseudo-header (RFC 4443 §2.3), whose source address
 * the kernel picks at send time, so the encoder leaves it 0: a Linux ping socket fills it in
 * (as it rewrites the identifier), and so does a raw ICMPv6 socket, whose IPV6_CHECKSUM offset
 * is fixed at 2 (RFC 3542 §3.1). For the same reason the decoder checks ICMP checksums only.
 */
public final class IcmpEchoCodec {
  /** Type, code, checksum, identifier, sequence. */
  public static final int HEADER_SIZE = 8;

  private IcmpEchoCodec() {
  }

  /** The message bytes, checksum filled for ICMP and 0 for ICMPv6; position 0. */
  public static ByteBuffer encode(IcmpEcho echo) {
    ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + echo.payloadLength());
    out.put((byte) echo.type().code());
    out.put((byte) 0);
    out.putShort((short) 0); // checksum, filled below for ICMP
    out.putShort((short) echo.identifier());
    out.putShort((short) echo.sequence());
    out.put(echo.payload());
    out.flip();
    if (echo.type().family() == StandardProtocolFamily.INET) {
      out.putShort(2, (short) InternetChecksum.compute(out));
    }
    return out;
  }

  /** Why a received message is not an echo this codec accepts; a counter label. */
  public enum Rejection {
    /** Fewer than the 8 header bytes. */
    TRUNCATED,
    /** A type other than the family's echo request and reply. */
    NOT_ECHO,
    /** RFC 792 / RFC 4443: echo messages have code 0. */
    NONZERO_CODE,
    /** ICMP only: the RFC 1071 checksum over the message does not verify. */
    BAD_CHECKSUM
  }

  /** A decoded echo, or why not. */
  public sealed interface Decoded {
  }

  public record Echo(IcmpEcho echo) implements Decoded {
    public Echo {
      Objects.requireNonNull(echo, "echo");
    }
  }

  public record Rejected(Rejection reason) implements Decoded {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Decodes {@code message}'s remaining bytes (position unchanged) as an ICMP ({@code INET}) or
   * ICMPv6 ({@code INET6}) echo: length, type, code, then the ICMP checksum.
   */
  public static Decoded decode(StandardProtocolFamily family, ByteBuffer message) {
    return decode(family, message, true);
  }

  /**
   * Decodes the echo request quoted back in an ICMP error, as a socket's error queue returns it
   * (ip(7) IP_RECVERR: the data is the original message). No checksum check: the quote may stop
   * short (RFC 792 asks for the first 64 bits of the original data only; RFC 1812 §4.3.2.3 and
   * RFC 4443 §2.4 allow more, up to 576 / 1280 bytes in all), and then the sum cannot verify.
   */
  public static Decoded decodeQuoted(StandardProtocolFamily family, ByteBuffer quote) {
    return decode(family, quote, false);
  }

  private static Decoded decode(StandardProtocolFamily family, ByteBuffer message, boolean verifyChecksum) {
    Objects.requireNonNull(family, "family");
    ByteBuffer in = message.duplicate();
    int base = in.position();
    if (in.remaining() < HEADER_SIZE) {
      return new Rejected(Rejection.TRUNCATED);
    }
    Optional<IcmpEchoType> type = IcmpEchoType.fromCode(family, in.get(base) & 0xff);
    if (type.isEmpty()) {
      return new Rejected(Rejection.NOT_ECHO);
    }
    if (in.get(base + 1) != 0) {
      return new Rejected(Rejection.NONZERO_CODE);
    }
    // Summing a message with its checksum in place gives 0 when it verifies (RFC 1071 §1).
    if (verifyChecksum && family == StandardProtocolFamily.INET && InternetChecksum.compute(in) != 0) {
      return new Rejected(Rejection.BAD_CHECKSUM);
    }
    int identifier = in.getShort(base + 4) & 0xffff;
    int sequence = in.getShort(base + 6) & 0xffff;
    ByteBuffer payload = in.position(base + HEADER_SIZE).slice();
    return new Echo(new IcmpEcho(type.get(), identifier, sequence, payload));
  }
}
