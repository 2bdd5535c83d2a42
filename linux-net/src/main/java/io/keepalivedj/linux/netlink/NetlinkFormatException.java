package io.keepalivedj.linux.netlink;

import java.util.Objects;

/**
 * Malformed netlink input, with the reject reason. Decoders throw it internally and return
 * {@link Decoding.Rejected} at their public boundary; bounds are checked before every read, so
 * no BufferUnderflowException ever stands in for it.
 */
public final class NetlinkFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final NetlinkReject reason;

  public NetlinkFormatException(NetlinkReject reason, String detail) {
    super(reason + ": " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public NetlinkReject reason() {
    return reason;
  }
}
