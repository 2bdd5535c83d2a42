package io.keepalivedj.linux.sysctl;

import java.util.Set;

/**
 * The per-interface sysctls keepalived and its DR real servers set, with the values the kernel
 * gives a meaning (Documentation/networking/ip-sysctl.rst). The kernel stores most of them with
 * proc_dointvec, accepting any int, so the range is checked here.
 */
public enum InterfaceSetting {
  /** Which ARP requests to answer: 1 = only for addresses on the receiving interface (DR real servers). */
  ARP_IGNORE(false, "arp_ignore", Set.of(0, 1, 2, 3, 8)),
  /** Which source address ARP requests use: 2 = the best local one for the target (DR real servers). */
  ARP_ANNOUNCE(false, "arp_announce", Set.of(0, 1, 2)),
  /** Reverse-path filtering (RFC 3704): 0 off, 1 strict, 2 loose. */
  RP_FILTER(false, "rp_filter", Set.of(0, 1, 2)),
  /** Promote a secondary address when the primary is deleted, instead of deleting them all (VIPs). */
  PROMOTE_SECONDARIES(false, "promote_secondaries", Set.of(0, 1)),
  /** IPv6 duplicate address detection: 0 off, 1 on, 2 on and disable IPv6 on a duplicate link-local. */
  ACCEPT_DAD(true, "accept_dad", Set.of(0, 1, 2));

  private final boolean ipv6;
  private final String name;
  private final Set<Integer> values;

  InterfaceSetting(boolean ipv6, String name, Set<Integer> values) {
    this.ipv6 = ipv6;
    this.name = name;
    this.values = values;
  }

  /** The sysctl for an interface ("all" and "default" included). */
  public SysctlKey key(String interfaceName) {
    return ipv6 ? SysctlKey.ipv6Conf(interfaceName, name) : SysctlKey.ipv4Conf(interfaceName, name);
  }

  /** The file name under conf/INTERFACE, e.g. "arp_ignore". */
  public String sysctlName() {
    return name;
  }

  public boolean accepts(int value) {
    return values.contains(value);
  }

  void check(int value) {
    if (!accepts(value)) {
      throw new IllegalArgumentException(name + " takes " + values.stream().sorted().toList() + ", not " + value);
    }
  }
}
