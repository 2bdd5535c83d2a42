package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One line of a {@code unicast_peer} block: {@code ADDRESS [min_ttl N] [max_ttl N]}. Adverts from
 * the peer with a TTL outside [minTtl, maxTtl] are dropped.
 *
 * @param address the peer's address
 * @param minTtl default 0
 * @param maxTtl default 255
 * @param position where the line was written
 */
public record UnicastPeer(InetAddress address, int minTtl, int maxTtl, SourcePosition position) {
  public UnicastPeer {
    Objects.requireNonNull(address, "address");
    if (minTtl < 0 || minTtl > 255 || maxTtl < 0 || maxTtl > 255) {
      throw new IllegalArgumentException("TTLs must be 0..255: " + minTtl + ", " + maxTtl);
    }
    Objects.requireNonNull(position, "position");
  }

  public static UnicastPeer of(InetAddress address) {
    return new UnicastPeer(address, 0, 255, SourcePosition.NONE);
  }
}
