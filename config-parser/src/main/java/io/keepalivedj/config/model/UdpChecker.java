package io.keepalivedj.config.model;

import java.util.regex.Pattern;
import io.keepalivedj.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code UDP_CHECK { ... }}: a datagram is sent and, optionally, a matching reply required.
 * Byte strings are hex as keepalived reads them ({@code read_hex_str}): bytes of one or two hex
 * digits, optionally separated by spaces; here always held as two lower-case digits per byte.
 *
 * @param common connection and timing options
 * @param payload {@code payload HEX}: the datagram; default none (an empty datagram)
 * @param requireReply {@code require_reply [HEX]}: a reply must arrive; default false (no ICMP
 *     port unreachable is enough)
 * @param requireReplyData the {@code HEX} of {@code require_reply}: the reply's first bytes, an
 *     {@code x} digit matching any nibble; default none (any reply)
 * @param minReplyLength {@code min_reply_length}, 0..65535; default 0
 * @param maxReplyLength {@code max_reply_length}, 0..65535; default 255
 * @param position where the keyword is
 */
public record UdpChecker(
    CheckerCommon common,
    Optional<String> payload,
    boolean requireReply,
    Optional<String> requireReplyData,
    int minReplyLength,
    int maxReplyLength,
    SourcePosition position) implements CheckerConfig {
  private static final Pattern HEX_BYTES = Pattern.compile("([0-9a-f]{2})+");
  private static final Pattern HEX_BYTES_WITH_WILDCARDS = Pattern.compile("([0-9a-fx]{2})+");


  public UdpChecker {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(payload, "payload");
    payload.ifPresent(p -> {
      if (!HEX_BYTES.matcher(p).matches()) {
        throw new IllegalArgumentException("payload is not hex byte pairs: " + p);
      }
    });
    Objects.requireNonNull(requireReplyData, "requireReplyData");
    requireReplyData.ifPresent(p -> {
      if (!HEX_BYTES_WITH_WILDCARDS.matcher(p).matches()) {
        throw new IllegalArgumentException("require_reply is not hex byte pairs: " + p);
      }
    });
    if (requireReplyData.isPresent() && !requireReply) {
      throw new IllegalArgumentException("reply data without require_reply");
    }
    LvsChecks.range("minReplyLength", minReplyLength, 0, 65535);
    LvsChecks.range("maxReplyLength", maxReplyLength, 0, 65535);
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return "UDP_CHECK";
  }
}
