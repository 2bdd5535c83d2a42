package io.keepalivedj.linux.sysctl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sysctl under /proc/sys/net, as path segments: {@code [net, ipv4, conf, eth0.100, rp_filter]}.
 * Every segment is checked, so no key can leave /proc/sys/net: no empty, "." or ".." segment, no
 * '/', NUL, whitespace or control character. Interface names may hold dots (VLANs), which is why
 * the segments, not a dotted string, are the key.
 */
public record SysctlKey(List<String> segments) {
  /** net.ipv4.ip_forward: IPv4 routing between interfaces (0/1). */
  public static final SysctlKey IP_FORWARD = new SysctlKey(List.of("net", "ipv4", "ip_forward"));

  public SysctlKey {
    segments = List.copyOf(segments);
    if (segments.size() < 2 || !segments.get(0).equals("net")) {
      throw new IllegalArgumentException("not a net.* sysctl: " + segments);
    }
    for (String segment : segments) {
      checkSegment(segment);
    }
  }

  private static void checkSegment(String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.length() > 64) {
      throw new IllegalArgumentException("bad sysctl key segment: '" + segment + "'");
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '/' || c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException("bad character in sysctl key segment: '" + segment + "'");
      }
    }
  }

  /**
   * sysctl(8)'s spellings: "net.ipv4.conf.eth0.rp_filter" (dots separate; an interface name
   * with dots cannot be written this way) or "net/ipv4/conf/eth0.100/rp_filter" (slashes
   * separate, dots are part of names).
   */
  public static SysctlKey parse(String key) {
    Objects.requireNonNull(key, "key");
    String separator = key.indexOf('/') >= 0 ? "/" : "\\.";
    return new SysctlKey(List.of(key.split(separator, -1)));
  }

  /** net.ipv4.conf.INTERFACE.NAME; INTERFACE may be "all" or "default". */
  public static SysctlKey ipv4Conf(String interfaceName, String name) {
    return new SysctlKey(List.of("net", "ipv4", "conf", checkInterface(interfaceName), name));
  }

  /** net.ipv6.conf.INTERFACE.NAME; INTERFACE may be "all" or "default". */
  public static SysctlKey ipv6Conf(String interfaceName, String name) {
    return new SysctlKey(List.of("net", "ipv6", "conf", checkInterface(interfaceName), name));
  }

  private static String checkInterface(String name) {
    Objects.requireNonNull(name, "interfaceName");
    // dev_valid_name() in net/core/dev.c: 1-15 bytes, no '/', ':' or whitespace, not . or ..
    if (name.isEmpty() || name.length() > 15 || name.indexOf(':') >= 0) {
      throw new IllegalArgumentException("not an interface name: '" + name + "'");
    }
    return name;
  }

  /** The file's path relative to /proc/sys. */
  public Path relativePath() {
    return Path.of(segments.get(0), segments.subList(1, segments.size()).toArray(new String[0]));
  }

  /** sysctl(8)'s dotted name, with dots inside a segment written as '/' ("net.ipv4.conf.eth0/100.rp_filter"). */
  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    for (String segment : segments) {
      shown.add(segment.replace('.', '/'));
    }
    return String.join(".", shown);
  }
}
