package io.keepalivedj.linux.socket;

import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.Syscalls;

/**
 * Two namespaces made by the test, joined through a bridge in a third one, as two load balancers
 * share a segment: side A "a0" 02:00:5e:c0:02:02 (fe80::5eff:fec0:202, 192.0.2.2, 2001:db8::2)
 * and side B "b0" 02:00:5e:c0:02:03 (fe80::5eff:fec0:203, 192.0.2.3, 2001:db8::3), the lab MACs
 * of the golden captures. The bridge has STP off, forward delay 0 and multicast snooping off, so
 * VRRP multicast reaches every port at once. IPv6 DAD is off so link-local sources are usable at
 * once. Nothing touches the root namespace.
 */
public final class VethLab implements AutoCloseable {
  public static final String MAC_A = "02:00:5e:c0:02:02";
  public static final String MAC_B = "02:00:5e:c0:02:03";

  public final String nameA;
  public final String nameB;
  public final String nameBridge;
  public final NetworkNamespace a;
  public final NetworkNamespace b;
  public final int ifindexA;
  public final int ifindexB;

  private VethLab(String nameA, String nameB, String nameBridge) throws Exception {
    this.nameA = nameA;
    this.nameB = nameB;
    this.nameBridge = nameBridge;
    this.a = NetworkNamespace.named(nameA);
    this.b = NetworkNamespace.named(nameB);
    for (String ns : new String[] {nameA, nameB}) {
      NetnsSupport.run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0",
          "net.ipv6.conf.default.accept_dad=0");
    }
    NetnsSupport.run("ip", "-n", nameBridge, "link", "add", "name", "br0", "type", "bridge",
        "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0");
    NetnsSupport.run("ip", "-n", nameBridge, "link", "set", "dev", "br0", "up");
    NetnsSupport.run("ip", "-n", nameA, "link", "add", "name", "a0", "address", MAC_A, "type", "veth",
        "peer", "name", "pa", "netns", nameBridge);
    NetnsSupport.run("ip", "-n", nameB, "link", "add", "name", "b0", "address", MAC_B, "type", "veth",
        "peer", "name", "pb", "netns", nameBridge);
    for (String port : new String[] {"pa", "pb"}) {
      NetnsSupport.run("ip", "-n", nameBridge, "link", "set", "dev", port, "master", "br0");
      NetnsSupport.run("ip", "-n", nameBridge, "link", "set", "dev", port, "up");
    }
    NetnsSupport.run("ip", "-n", nameA, "addr", "add", "192.0.2.2/24", "dev", "a0");
    NetnsSupport.run("ip", "-n", nameA, "addr", "add", "2001:db8::2/64", "dev", "a0", "nodad");
    NetnsSupport.run("ip", "-n", nameB, "addr", "add", "192.0.2.3/24", "dev", "b0");
    NetnsSupport.run("ip", "-n", nameB, "addr", "add", "2001:db8::3/64", "dev", "b0", "nodad");
    NetnsSupport.run("ip", "-n", nameA, "link", "set", "a0", "up");
    NetnsSupport.run("ip", "-n", nameB, "link", "set", "b0", "up");
    awaitLinkLocal(nameA, "a0");
    awaitLinkLocal(nameB, "b0");
    this.ifindexA = a.call(() -> Syscalls.ifNameToIndex("a0"));
    this.ifindexB = b.call(() -> Syscalls.ifNameToIndex("b0"));
  }

  /**
   * IPv6 starts on a veth only once both ends are up (addrconf on NETDEV_CHANGE); until its
   * link-local address exists, multicast sent or received there is lost.
   */
  private static void awaitLinkLocal(String ns, String device) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      String out = NetnsSupport.run("ip", "-n", ns, "-6", "addr", "show", "dev", device, "scope", "link");
      if (out.contains("inet6 fe80::") && !out.contains("tentative")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no usable IPv6 link-local address on " + device + " in " + ns + ": " + out);
      }
      Thread.sleep(20);
    }
  }

  /** Creates the three namespaces; on failure deletes what it made. */
  public static VethLab create() throws Exception {
    NetnsSupport.requireRootAndIp();
    String nameA = NetnsSupport.createNamespace();
    String nameB = null;
    String nameBridge = null;
    try {
      nameB = NetnsSupport.createNamespace();
      nameBridge = NetnsSupport.createNamespace();
      return new VethLab(nameA, nameB, nameBridge);
    } catch (Exception | AssertionError e) {
      NetnsSupport.deleteNamespace(nameA);
      NetnsSupport.deleteNamespace(nameB);
      NetnsSupport.deleteNamespace(nameBridge);
      throw e;
    }
  }

  /**
   * This JVM's open sockets and eventfds. Unlike the total descriptor count it ignores the pipes
   * of finished ip(8) processes, which the JVM closes whenever it collects them.
   */
  public static long socketAndEventFds() throws java.io.IOException {
    try (var entries = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      return entries.map(path -> {
        try {
          return java.nio.file.Files.readSymbolicLink(path).toString();
        } catch (java.io.IOException e) {
          return ""; // closed while listing
        }
      }).filter(target -> target.startsWith("socket:") || target.equals("anon_inode:[eventfd]")).count();
    }
  }

  /** Deletes the three namespaces (and so the veth pairs and the bridge). */
  @Override
  public void close() {
    try {
      NetnsSupport.deleteNamespace(nameA);
    } finally {
      try {
        NetnsSupport.deleteNamespace(nameB);
      } finally {
        NetnsSupport.deleteNamespace(nameBridge);
      }
    }
  }
}
