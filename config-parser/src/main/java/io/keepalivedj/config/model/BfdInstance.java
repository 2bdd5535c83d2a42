package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code bfd_instance NAME { ... }} block: a BFD session (RFC 5880/5881) that VRRP instances
 * ({@code track_bfd}) and checkers ({@code BFD_CHECK}) can follow.
 *
 * @param name what {@code track_bfd} and {@code BFD_CHECK} refer to; at most 31 characters
 * @param neighborIp {@code neighbor_ip} (or {@code neighbour_ip}): required
 * @param sourceIp {@code source_ip}
 * @param minRx {@code min_rx} in milliseconds, fractions to a microsecond: default 10 ms
 * @param minTx {@code min_tx}: default 10 ms
 * @param idleTx {@code idle_tx}: default 1000 ms, at least 1000 ms
 * @param multiplier {@code multiplier}: default 5, in [1, 255]
 * @param passive {@code passive}: wait for the neighbor to start the session
 * @param ttl {@code ttl} / {@code hoplimit} in [1, 255]; empty: 255
 * @param maxHops {@code max_hops} in [-1, 255]; empty: 0 (single hop)
 * @param weight {@code weight} for VRRP tracking: default 0, in [-253, 253]
 * @param weightReverse {@code weight N reverse}
 * @param vrrp {@code vrrp}: only the VRRP process follows this session (with {@code checker},
 *     both; neither: both)
 * @param checker {@code checker}: only the checker process follows this session
 * @param position where the block starts
 */
public record BfdInstance(
    String name,
    InetAddress neighborIp,
    Optional<InetAddress> sourceIp,
    Duration minRx,
    Duration minTx,
    Duration idleTx,
    int multiplier,
    boolean passive,
    OptionalInt ttl,
    OptionalInt maxHops,
    int weight,
    boolean weightReverse,
    boolean vrrp,
    boolean checker,
    SourcePosition position) {

  public static final Duration DEFAULT_MIN_RX = Duration.ofMillis(10);
  public static final Duration DEFAULT_MIN_TX = Duration.ofMillis(10);
  public static final Duration DEFAULT_IDLE_TX = Duration.ofMillis(1000);

  public BfdInstance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(neighborIp, "neighborIp");
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(minRx, "minRx");
    Objects.requireNonNull(minTx, "minTx");
    Objects.requireNonNull(idleTx, "idleTx");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(maxHops, "maxHops");
    Objects.requireNonNull(position, "position");
    if (name.isEmpty() || name.length() > 31) {
      throw new IllegalArgumentException("bfd_instance name must be 1..31 characters: " + name);
    }
    if (minRx.compareTo(Duration.ofMillis(1)) < 0 || minTx.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("min_rx and min_tx must be at least 1 ms");
    }
    if (idleTx.compareTo(DEFAULT_IDLE_TX) < 0) {
      throw new IllegalArgumentException("idle_tx must be at least 1000 ms: " + idleTx);
    }
    if (multiplier < 1 || multiplier > 255) {
      throw new IllegalArgumentException("multiplier outside 1..255: " + multiplier);
    }
    if (ttl.isPresent() && (ttl.getAsInt() < 1 || ttl.getAsInt() > 255)) {
      throw new IllegalArgumentException("ttl outside 1..255: " + ttl);
    }
    if (maxHops.isPresent() && (maxHops.getAsInt() < -1 || maxHops.getAsInt() > 255)) {
      throw new IllegalArgumentException("max_hops outside -1..255: " + maxHops);
    }
    if (weight < -253 || weight > 253) {
      throw new IllegalArgumentException("weight outside -253..253: " + weight);
    }
    if (sourceIp.isPresent() && (sourceIp.get() instanceof java.net.Inet4Address) != (neighborIp instanceof java.net.Inet4Address)) {
      throw new IllegalArgumentException("source_ip and neighbor_ip differ in family");
    }
  }
}
