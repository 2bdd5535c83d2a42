package io.keepalivedj.config.model;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code lvs_sync_daemon IF [inst VI] [id N] [maxlen N] [port N] [ttl N] [group ADDR]} (and the
 * old positional {@code lvs_sync_daemon IF VI [ID]}): the IPVS connection-sync daemon, master or
 * backup as the named VRRP instance is.
 *
 * @param interfaceName the interface sync messages use
 * @param inst the VRRP instance it follows
 * @param id sync id 0..255; empty: the instance's VRID
 * @param maxlen largest sync message, 1..65507; empty: the kernel's (MTU based)
 * @param port UDP port 1..65535; empty: 8848
 * @param ttl 1..255; empty: 1
 * @param group multicast group; empty: 224.0.0.81 (ff02::8848 over IPv6)
 */
public record LvsSyncDaemon(
    String interfaceName,
    Optional<String> inst,
    OptionalInt id,
    OptionalInt maxlen,
    OptionalInt port,
    OptionalInt ttl,
    Optional<InetAddress> group) {

  public LvsSyncDaemon {
    InterfaceNames.check(Objects.requireNonNull(interfaceName, "interfaceName"));
    Objects.requireNonNull(inst, "inst");
    check("id", id, 0, 255);
    check("maxlen", maxlen, 1, 65535 - 20 - 8);
    check("port", port, 1, 65535);
    check("ttl", ttl, 1, 255);
    Objects.requireNonNull(group, "group");
    group.ifPresent(g -> {
      if (!g.isMulticastAddress()) {
        throw new IllegalArgumentException("group must be multicast: " + g.getHostAddress());
      }
    });
  }

  private static void check(String what, OptionalInt v, int min, int max) {
    Objects.requireNonNull(v, what);
    if (v.isPresent() && (v.getAsInt() < min || v.getAsInt() > max)) {
      throw new IllegalArgumentException(what + " outside " + min + ".." + max + ": " + v.getAsInt());
    }
  }
}
