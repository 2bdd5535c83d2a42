package io.keepalivedj.linux.netlink;

import java.util.Objects;

/**
 * What decoding untrusted bytes gives: the value, or why it was rejected. Callers dispatch
 * with {@code instanceof Decoding.Decoded<T> d} and count {@link Rejected#reason()}.
 */
public sealed interface Decoding<T> permits Decoding.Decoded, Decoding.Rejected {

  record Decoded<T>(T value) implements Decoding<T> {
    public Decoded {
      Objects.requireNonNull(value, "value");
    }
  }

  /** @param detail human-readable specifics (offsets, lengths) for logs */
  record Rejected<T>(NetlinkReject reason, String detail) implements Decoding<T> {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  static <T> Decoding<T> decoded(T value) {
    return new Decoded<>(value);
  }

  static <T> Decoding<T> rejected(NetlinkFormatException e) {
    return new Rejected<>(e.reason(), e.getMessage());
  }

  /** The value, or a NetlinkFormatException carrying the reject reason. */
  default T orThrow() throws NetlinkFormatException {
    if (this instanceof Decoded<T> d) {
      return d.value();
    }
    if (this instanceof Rejected<T> r) {
      throw new NetlinkFormatException(r.reason(), r.detail());
    }
    throw new AssertionError(this);
  }
}
