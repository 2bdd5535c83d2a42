package io.keepalivedj.linux.sysctl;

import io.keepalivedj.linux.Errno;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code net.ipv4.ping_group_range} (ip-sysctl.rst): the groups whose members may open ICMP
 * "ping" sockets (icmp(7): socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) and the ICMPv6 twin, which
 * the same sysctl governs). Two gids, "low high", inclusive; a namespace starts with "1 0",
 * an empty range that refuses everyone, root included, with EACCES. keepalived.conf(5)'s
 * PING_CHECK: "using this checker may cause /proc/sys/net/ipv4/ping_group_range to be updated
 * to allow root to use an IPPROTO_ICMP socket"; {@link #including} is that update. Per network
 * namespace. Values are gid_t, 0 to 4294967294 (4294967295 is (gid_t)-1, which the kernel
 * refuses).
 */
public record PingGroupRange(long low, long high) {
  public static final SysctlKey KEY = new SysctlKey(List.of("net", "ipv4", "ping_group_range"));
  /** The kernel's GID_T_MAX, (gid_t)-1 - 1 (net/ipv4/sysctl_net_ipv4.c). */
  public static final long MAX_GID = 0xffff_fffeL;

  public PingGroupRange {
    if (low < 0 || low > MAX_GID || high < 0 || high > MAX_GID) {
      throw new IllegalArgumentException("gid out of 0.." + MAX_GID + ": " + low + " " + high);
    }
  }

  /** The sysctl's text: two numbers separated by whitespace (the kernel writes a tab). */
  public static PingGroupRange parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] words = text.strip().split("\\s+");
    if (words.length != 2) {
      throw new IllegalArgumentException("ping_group_range is two gids: '" + text + "'");
    }
    try {
      return new PingGroupRange(Long.parseLong(words[0]), Long.parseLong(words[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ping_group_range is two gids: '" + text + "'", e);
    }
  }

  /** Whether no group at all may open a ping socket ("1 0", the namespace default). */
  public boolean isEmpty() {
    return low > high;
  }

  public boolean contains(long gid) {
    return low <= gid && gid <= high;
  }

  /**
   * The smallest change that lets {@code gid} open ping sockets: empty when it already may; an
   * empty range becomes "gid gid"; otherwise the range stretches to reach gid, so every group
   * allowed before stays allowed.
   */
  public Optional<PingGroupRange> including(long gid) {
    if (contains(gid)) {
      return Optional.empty();
    }
    if (isEmpty()) {
      return Optional.of(new PingGroupRange(gid, gid));
    }
    return Optional.of(new PingGroupRange(Math.min(low, gid), Math.max(high, gid)));
  }

  /** Reads the range of {@code sysctl}'s namespace. */
  public static PingGroupRange read(Sysctl sysctl) throws SysctlException {
    String text = sysctl.read(KEY);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new SysctlException(KEY, Errno.EBADMSG, "read", e.getMessage());
    }
  }

  /** Writes this range to {@code sysctl}'s namespace. */
  public void write(Sysctl sysctl) throws SysctlException {
    sysctl.write(KEY, toString());
  }

  /** "low high", as sysctl -w takes it. */
  @Override
  public String toString() {
    return low + " " + high;
  }
}
