package io.keepalivedj.examples.lab;

import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.rtnetlink.InterfaceAddress;
import io.keepalivedj.linux.rtnetlink.LinkInfo;
import io.keepalivedj.linux.rtnetlink.RtnetlinkClient;
import io.keepalivedj.linux.sysctl.InterfaceSetting;
import io.keepalivedj.linux.sysctl.Sysctl;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real server of the seed's direct routing (LVS-DR): the load balancer forwards packets for
 * the VIP unchanged, so the real server must accept the VIP as its own, yet never answer ARP
 * for it, or clients would send to it directly. The seed's way: the VIP on {@code lo} as a /32
 * ({@code ifconfig lo:0 VIP netmask 255.255.255.255}) and {@code arp_ignore=1} (answer ARP only
 * for addresses on the receiving interface), {@code arp_announce=2} (never source ARP from the
 * VIP). Set on {@code all} and on the segment's interface: the kernel uses the larger of the two
 * (Documentation/networking/ip-sysctl.rst).
 */
final class DrRealServer {
  /** The seed's values: arp_ignore 1, arp_announce 2. */
  static final int ARP_IGNORE = 1;
  static final int ARP_ANNOUNCE = 2;

  private DrRealServer() {}

  /**
   * What a real server holds after {@link #apply}, read back from the kernel.
   *
   * @param vipsOnLo        the VIPs found on lo, as {@code 192.0.2.1/32 (lo:0)}
   * @param arpIgnore       arp_ignore on {@code all} and the interface, in that order
   * @param arpAnnounce     arp_announce on {@code all} and the interface, in that order
   */
  record State(List<String> vipsOnLo, List<Integer> arpIgnore, List<Integer> arpAnnounce) {
    State {
      vipsOnLo = List.copyOf(vipsOnLo);
      arpIgnore = List.copyOf(arpIgnore);
      arpAnnounce = List.copyOf(arpAnnounce);
    }

    /** Whether the kernel holds every VIP and the seed's ARP settings everywhere. */
    boolean isDr(int vipCount) {
      return vipsOnLo.size() == vipCount && arpIgnore.stream().allMatch(v -> v == ARP_IGNORE)
          && arpAnnounce.stream().allMatch(v -> v == ARP_ANNOUNCE);
    }
  }

  /**
   * Puts {@code vips} on lo of namespace {@code netnsName} (labels lo:0, lo:1, ...) and sets the
   * ARP sysctls on {@code all} and {@code ifName}, over rtnetlink and /proc/sys inside the
   * namespace; returns what the kernel then holds.
   */
  static State apply(String netnsName, String ifName, List<Inet4Address> vips) throws IOException {
    Objects.requireNonNull(ifName, "ifName");
    NetworkNamespace ns = NetworkNamespace.named(netnsName);
    Sysctl sysctl = Sysctl.in(ns);
    // ARP first: the VIP must never be announced from eth1, not even for an instant.
    for (String iface : List.of("all", ifName)) {
      sysctl.set(InterfaceSetting.ARP_IGNORE, iface, ARP_IGNORE);
      sysctl.set(InterfaceSetting.ARP_ANNOUNCE, iface, ARP_ANNOUNCE);
    }
    try (RtnetlinkClient rt = RtnetlinkClient.open(ns)) {
      int lo = loIndex(rt, netnsName);
      for (int i = 0; i < vips.size(); i++) {
        rt.addAddress(InterfaceAddress.of(lo, vips.get(i), 32).withLabel("lo:" + i));
      }
      List<String> onLo = new ArrayList<>();
      for (InterfaceAddress a : rt.listAddresses()) {
        if (a.interfaceIndex() == lo && vips.contains(a.address()) && a.prefixLength() == 32) {
          onLo.add(a.cidr() + a.label().map(l -> " (" + l + ")").orElse(""));
        }
      }
      List<Integer> ignore = new ArrayList<>();
      List<Integer> announce = new ArrayList<>();
      for (String iface : List.of("all", ifName)) {
        ignore.add(sysctl.get(InterfaceSetting.ARP_IGNORE, iface));
        announce.add(sysctl.get(InterfaceSetting.ARP_ANNOUNCE, iface));
      }
      return new State(onLo, ignore, announce);
    }
  }

  private static int loIndex(RtnetlinkClient rt, String netnsName) throws IOException {
    LinkInfo lo = rt.link("lo").orElseThrow(() -> new IOException("no lo in " + netnsName));
    return lo.index();
  }
}
