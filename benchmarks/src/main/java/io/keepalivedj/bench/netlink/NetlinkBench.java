package io.keepalivedj.bench.netlink;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.netlink.NetlinkException;
import io.keepalivedj.linux.rtnetlink.InterfaceAddress;
import io.keepalivedj.linux.rtnetlink.RtnetlinkClient;
import io.keepalivedj.linux.rtnetlink.RtnetlinkUapi;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/bench netlink [ADDRESSES]}: adding then deleting N addresses through our
 * {@link RtnetlinkClient} against the anchor {@code ip -n NS -batch FILE} doing the same, in the
 * same run, in a namespace made for it (one veth pair, nothing else). Both wait for the
 * kernel's acknowledgement of every request (ip -batch does, one request at a time). The
 * addresses are IPv6 /128s 2001:db8:X:Y::1 with IFA_F_NODAD ({@code nodad}): all in the
 * documentation /32, and all sharing one solicited-node group (ff02::1:ff00:1, RFC 4291
 * §2.7.1), because N distinct groups make the kernel's MLD bookkeeping quadratic (10,000 adds
 * took minutes) and would drown what is measured here. A second, smaller table does IPv4 /32s
 * over 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 (768 addresses at most).
 * Runs alternate ours / ip; a first round of ours on 1,000 addresses warms the JVM, uncounted.
 * Each phase is checked against an address dump (outside the timings).
 */
public final class NetlinkBench {
  private static final int RUNS = 3;
  private static final int WARM_UP_ADDRESSES = 1_000;
  private static final String DEVICE = "kjb0";

  private NetlinkBench() {
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    if (count < 1 || count > 65_536) {
      throw new IllegalArgumentException("address count out of 1..65536: " + count);
    }
    String ns = "kjbench-" + ProcessHandle.current().pid();
    run("ip", "netns", "add", ns);
    try {
      run("ip", "-n", ns, "link", "add", DEVICE, "type", "veth", "peer", "name", DEVICE + "p");
      run("ip", "-n", ns, "link", "set", DEVICE, "up");
      run("ip", "-n", ns, "link", "set", DEVICE + "p", "up");
      NetworkNamespace namespace = NetworkNamespace.named(ns);
      int ifindex = namespace.call(() -> Syscalls.ifNameToIndex(DEVICE));
      System.out.printf(Locale.ROOT, "netlink: add then delete N addresses on a veth in netns %s, %d runs each,"
          + " alternating; times in ms%n", ns, RUNS);
      try (RtnetlinkClient client = RtnetlinkClient.open(namespace)) {
        compare(ns, client, ifindex, ipv6(count, ifindex), "IPv6 /128 nodad");
        int v4 = Math.min(count, 768);
        compare(ns, client, ifindex, ipv4(v4, ifindex), "IPv4 /32");
      }
    } finally {
      run("ip", "netns", "del", ns);
    }
  }

  /** 2001:db8:1:0::1 upwards, /128, IFA_F_NODAD (a VIP must not wait for DAD). */
  private static List<InterfaceAddress> ipv6(int count, int ifindex) throws IOException {
    List<InterfaceAddress> addresses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      InetAddress address = InetAddress.getByName(String.format(Locale.ROOT, "2001:db8:%x:%x::1",
          1 + (i >>> 16), i & 0xffff));
      addresses.add(InterfaceAddress.of(ifindex, address, 128).withFlags(RtnetlinkUapi.IFA_F_NODAD));
    }
    return addresses;
  }

  /** /32s over the three IPv4 documentation ranges, 256 each. */
  private static List<InterfaceAddress> ipv4(int count, int ifindex) throws IOException {
    String[] ranges = {"192.0.2.", "198.51.100.", "203.0.113."};
    List<InterfaceAddress> addresses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      addresses.add(InterfaceAddress.of(ifindex, InetAddress.getByName(ranges[i / 256] + (i % 256)), 32));
    }
    return addresses;
  }

  private static void compare(String ns, RtnetlinkClient client, int ifindex, List<InterfaceAddress> addresses,
      String label) throws Exception {
    int n = addresses.size();
    Path addFile = Files.createTempFile("kj-bench-netlink-add-", ".batch");
    Path delFile = Files.createTempFile("kj-bench-netlink-del-", ".batch");
    try {
      StringBuilder add = new StringBuilder();
      StringBuilder del = new StringBuilder();
      for (InterfaceAddress a : addresses) {
        String cidr = a.cidr();
        add.append("addr add ").append(cidr).append(" dev ").append(DEVICE)
            .append(a.address() instanceof java.net.Inet6Address ? " nodad" : "").append('\n');
        del.append("addr del ").append(cidr).append(" dev ").append(DEVICE).append('\n');
      }
      Files.writeString(addFile, add, StandardCharsets.US_ASCII);
      Files.writeString(delFile, del, StandardCharsets.US_ASCII);
      int family = addresses.get(0).family();
      int baseline = countRetrying(client, ifindex, family);

      ours(client, addresses.subList(0, Math.min(n, WARM_UP_ADDRESSES)), ifindex, family, baseline); // JVM warm-up
      List<Double> oursAdd = new ArrayList<>();
      List<Double> oursDel = new ArrayList<>();
      List<Double> ipAdd = new ArrayList<>();
      List<Double> ipDel = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        double[] o = ours(client, addresses, ifindex, family, baseline);
        oursAdd.add(o[0]);
        oursDel.add(o[1]);
        ipAdd.add(timed("ip", "-n", ns, "-batch", addFile.toString()));
        awaitCount(client, ifindex, family, baseline + n, "ip -batch added " + n);
        ipDel.add(timed("ip", "-n", ns, "-batch", delFile.toString()));
        awaitCount(client, ifindex, family, baseline, "ip -batch deleted " + n);
      }
      System.out.println();
      System.out.printf(Locale.ROOT, "%s, N = %,d%n", label, n);
      System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s %12s%n", "what", "min", "median", "max", "us/address");
      print("ip -batch add (anchor, process included)", ipAdd, n);
      print("RtnetlinkClient.addAddress x N", oursAdd, n);
      print("ip -batch del (anchor, process included)", ipDel, n);
      print("RtnetlinkClient.deleteAddress x N", oursDel, n);
      System.out.printf(Locale.ROOT, "ratio ours / ip -batch: add %.2f, delete %.2f, both %.2f (below 1 is faster)%n",
          median(oursAdd) / median(ipAdd), median(oursDel) / median(ipDel),
          (median(oursAdd) + median(oursDel)) / (median(ipAdd) + median(ipDel)));
    } finally {
      Files.deleteIfExists(addFile);
      Files.deleteIfExists(delFile);
    }
  }

  /** Adds then deletes every address; returns {add ms, delete ms}, checked against a dump. */
  private static double[] ours(RtnetlinkClient client, List<InterfaceAddress> addresses, int ifindex, int family,
      int baseline) throws IOException, InterruptedException {
    long start = System.nanoTime();
    for (InterfaceAddress a : addresses) {
      client.addAddress(a);
    }
    long added = System.nanoTime();
    awaitCount(client, ifindex, family, baseline + addresses.size(), "ours added " + addresses.size());
    long deleteStart = System.nanoTime();
    for (InterfaceAddress a : addresses) {
      client.deleteAddress(a);
    }
    long deleted = System.nanoTime();
    awaitCount(client, ifindex, family, baseline, "ours deleted " + addresses.size());
    return new double[] {(added - start) / 1e6, (deleted - deleteStart) / 1e6};
  }

  private static int count(RtnetlinkClient client, int ifindex, int family) throws IOException {
    return (int) client.listAddresses(family).stream().filter(a -> a.interfaceIndex() == ifindex).count();
  }

  private static int countRetrying(RtnetlinkClient client, int ifindex, int family)
      throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return count(client, ifindex, family);
      } catch (NetlinkException e) {
        if (e.errno() != Errno.EAGAIN || attempt == 20) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  /**
   * Waits (up to 30 s) for the interface to hold {@code expected} addresses of the family. IPv6
   * finishes each address in a work queue after the ACK, so dumps taken right away can be
   * interrupted (NLM_F_DUMP_INTR, EAGAIN): retried here.
   */
  private static void awaitCount(RtnetlinkClient client, int ifindex, int family, int expected, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int last = -1;
    while (System.nanoTime() < deadline) {
      try {
        last = count(client, ifindex, family);
        if (last == expected) {
          return;
        }
      } catch (NetlinkException e) {
        if (e.errno() != Errno.EAGAIN) {
          throw e;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("benchmark invariant broken: " + what + ": the interface holds " + last
        + " addresses, not " + expected);
  }

  private static double timed(String... command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    run(command);
    return (System.nanoTime() - start) / 1e6;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
          + new String(out, StandardCharsets.UTF_8));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void print(String label, List<Double> ms, int n) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "%-44s %9.1f %9.1f %9.1f %12.1f%n", label, sorted.get(0), median(ms),
        sorted.get(sorted.size() - 1), median(ms) * 1000 / n);
  }
}
