package io.keepalivedj.linux.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.rtnetlink.RtnetlinkEvent.Change;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("netns")
class NetlinkSubscriptionNetnsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private String ns;
  private NetworkNamespace namespace;
  private int veth0;
  private final BlockingQueue<RtnetlinkEvent> events = new LinkedBlockingQueue<>();
  private final List<RtnetlinkEvent> seen = new ArrayList<>();
  private NetlinkSubscription subscription;

  @BeforeEach
  void setUp() throws Exception {
    NetnsSupport.requireRootAndIp();
    ns = NetnsSupport.createNamespace();
    namespace = NetworkNamespace.named(ns);
    NetnsSupport.run("ip", "-n", ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth0", "up");
    NetnsSupport.run("ip", "-n", ns, "link", "set", "veth1", "up");
    veth0 = namespace.call(() -> Syscalls.ifNameToIndex("veth0"));
  }

  @AfterEach
  void tearDown() {
    if (subscription != null) {
      subscription.close();
    }
    NetnsSupport.deleteNamespace(ns);
  }

  private NetlinkSubscription subscribe(NetlinkSubscription.Options options) throws Exception {
    subscription = NetlinkSubscription.open(namespace, options, events::add);
    return subscription;
  }

  /** The first event matching {@code wanted}; fails listing what came instead. */
  private <T extends RtnetlinkEvent> T await(Class<T> type, Predicate<T> wanted) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      RtnetlinkEvent event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("no matching " + type.getSimpleName() + " within " + WAIT + "; saw " + seen);
      }
      seen.add(event);
      if (type.isInstance(event) && wanted.test(type.cast(event))) {
        return type.cast(event);
      }
    }
  }

  private static boolean isVeth0(LinkEvent e) {
    return e.link().name().equals("veth0");
  }

  @Test
  void linkDownAndUpArriveWithTheirOperState() throws Exception {
    subscribe(NetlinkSubscription.Options.defaults());
    Resync initial = await(Resync.class, r -> true);
    assertThat(initial.cause()).isEqualTo(Resync.Cause.SUBSCRIBED);
    assertThat(initial.links()).extracting(LinkInfo::name).containsExactlyInAnyOrder("lo", "veth0", "veth1");

    NetnsSupport.run("ip", "-n", ns, "link", "set", "dev", "veth0", "down");
    LinkEvent down = await(LinkEvent.class, e -> isVeth0(e) && !e.link().isUp());
    assertThat(down.change()).isEqualTo(Change.NEW);
    assertThat(down.operState()).isEqualTo(OperState.DOWN);
    assertThat(down.link().index()).isEqualTo(veth0);

    NetnsSupport.run("ip", "-n", ns, "link", "set", "dev", "veth0", "up");
    LinkEvent up = await(LinkEvent.class, e -> isVeth0(e) && e.operState() == OperState.UP);
    assertThat(up.link().isUp()).isTrue();
    assertThat(up.hasCarrier()).isTrue();

    // The peer going down takes veth0's carrier: admin up, no carrier, lower layer down.
    NetnsSupport.run("ip", "-n", ns, "link", "set", "dev", "veth1", "down");
    LinkEvent noCarrier = await(LinkEvent.class, e -> isVeth0(e) && !e.hasCarrier());
    assertThat(noCarrier.link().isUp()).isTrue();
    assertThat(noCarrier.operState()).isEqualTo(OperState.LOWERLAYERDOWN);

    NetnsSupport.run("ip", "-n", ns, "link", "del", "veth0");
    LinkEvent gone = await(LinkEvent.class, e -> isVeth0(e) && e.change() == Change.DELETED);
    assertThat(gone.link().index()).isEqualTo(veth0);
  }

  @Test
  void addressAddAndDeleteArriveAsEvents() throws Exception {
    subscribe(NetlinkSubscription.Options.defaults());
    await(Resync.class, r -> true);
    InetAddress vip = InetAddress.getByName("192.0.2.10");
    InetAddress vip6 = InetAddress.getByName("2001:db8::10");

    NetnsSupport.run("ip", "-n", ns, "addr", "add", "192.0.2.10/24", "dev", "veth0");
    AddressEvent added = await(AddressEvent.class, e -> e.address().address().equals(vip));
    assertThat(added.change()).isEqualTo(Change.NEW);
    assertThat(added.address().interfaceIndex()).isEqualTo(veth0);
    assertThat(added.address().prefixLength()).isEqualTo(24);
    assertThat(added.address().label()).contains("veth0");

    NetnsSupport.run("ip", "-n", ns, "addr", "add", "2001:db8::10/64", "dev", "veth0", "nodad");
    AddressEvent added6 = await(AddressEvent.class, e -> e.address().address().equals(vip6));
    assertThat(added6.change()).isEqualTo(Change.NEW);
    assertThat(added6.address().flags() & RtnetlinkUapi.IFA_F_NODAD).isNotZero();

    NetnsSupport.run("ip", "-n", ns, "addr", "del", "192.0.2.10/24", "dev", "veth0");
    AddressEvent deleted = await(AddressEvent.class, e -> e.address().address().equals(vip));
    assertThat(deleted.change()).isEqualTo(Change.DELETED);
    assertThat(deleted.address().interfaceIndex()).isEqualTo(veth0);
    assertThat(subscription.rejectCounts().values()).allMatch(count -> count == 0);
  }

  @Test
  void anOverrunLeadsToAResyncWithTheCurrentState() throws Exception {
    // The smallest queue the kernel allows (SOCK_MIN_RCVBUF), and a listener that holds the
    // receive thread until the burst is over: the kernel must drop notifications.
    CountDownLatch burstDone = new CountDownLatch(1);
    subscription = NetlinkSubscription.open(namespace,
        NetlinkSubscription.Options.defaults().withReceiveBufferBytes(1), event -> {
          events.add(event);
          if (event instanceof Resync r && r.cause() == Resync.Cause.SUBSCRIBED) {
            try {
              burstDone.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    assertThat(subscription.receiveBufferBytes()).isLessThan(16 * 1024);
    await(Resync.class, r -> r.cause() == Resync.Cause.SUBSCRIBED);

    // 200 addresses added, then the even ones deleted: 100 remain, 300 notifications sent.
    StringBuilder batch = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      batch.append("addr add 198.51.100.").append(i).append("/32 dev veth0\n");
    }
    for (int i = 2; i <= 200; i += 2) {
      batch.append("addr del 198.51.100.").append(i).append("/32 dev veth0\n");
    }
    Path file = Files.createTempFile("kjln-batch", ".txt");
    try {
      Files.writeString(file, batch, StandardCharsets.US_ASCII);
      NetnsSupport.run("ip", "-n", ns, "-batch", file.toString());
    } finally {
      Files.delete(file);
    }
    burstDone.countDown();

    Resync overrun = await(Resync.class, r -> r.cause() == Resync.Cause.OVERRUN);
    // Mirror the state as a listener would: the Resync replaces it, later events apply on top.
    Map<String, InterfaceAddress> mirror = new HashMap<>();
    overrun.addresses().forEach(a -> mirror.put(key(a), a));
    RtnetlinkEvent event;
    while ((event = events.poll(500, TimeUnit.MILLISECONDS)) != null) {
      if (event instanceof Resync r) {
        mirror.clear();
        r.addresses().forEach(a -> mirror.put(key(a), a));
      } else if (event instanceof AddressEvent a) {
        if (a.change() == Change.NEW) {
          mirror.put(key(a.address()), a.address());
        } else {
          mirror.remove(key(a.address()));
        }
      }
    }
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 200; i += 2) {
      expected.add(veth0 + " 198.51.100." + i + "/32");
    }
    Set<String> mirroredV4 = new HashSet<>();
    mirror.values().stream().filter(a -> a.family() == SocketUapi.AF_INET)
        .forEach(a -> mirroredV4.add(key(a)));
    assertThat(mirroredV4).isEqualTo(expected);
    try (RtnetlinkClient client = RtnetlinkClient.open(namespace)) {
      // IPv4 only: the IPv6 link-local addresses may still be leaving DAD (tentative).
      assertThat(new HashSet<>(mirror.values()).stream().filter(a -> a.family() == SocketUapi.AF_INET))
          .containsExactlyInAnyOrderElementsOf(client.listAddresses(SocketUapi.AF_INET));
    }
    assertThat(subscription.resyncCount()).isGreaterThanOrEqualTo(2);
  }

  private static String key(InterfaceAddress a) {
    return a.interfaceIndex() + " " + a.cidr();
  }

  @Test
  void closeFromAnotherThreadEndsTheThreadAndClosesBothSockets() throws Exception {
    // Warm up class loading and the ip(8) pipes of setUp, so the count before is steady.
    NetlinkSubscription warm = NetlinkSubscription.open(namespace, NetlinkSubscription.Options.defaults(), e -> { });
    warm.close();
    System.gc();
    long fdsBefore = NetnsSupport.socketAndEventFdCount();

    subscribe(NetlinkSubscription.Options.defaults().withCloseCheckInterval(Duration.ofMillis(50)));
    await(Resync.class, r -> true);
    assertThat(NetnsSupport.socketAndEventFdCount()).isEqualTo(fdsBefore + 2);
    long started = System.nanoTime();
    subscription.close();
    long closeMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("NetlinkSubscription.close from another thread: " + closeMillis + " ms");
    assertThat(subscription.isRunning()).isFalse();
    assertThat(closeMillis).isLessThan(2_000);
    assertThat(NetnsSupport.socketAndEventFdCount()).isEqualTo(fdsBefore);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("rtnetlink-monitor-" + ns));
    subscription.close();
  }

  @Test
  void closeFromTheListenerEndsTheStream() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    NetlinkSubscription[] self = new NetlinkSubscription[1];
    CountDownLatch opened = new CountDownLatch(1);
    List<RtnetlinkEvent> after = new ArrayList<>();
    subscription = NetlinkSubscription.open(namespace, NetlinkSubscription.Options.defaults(), event -> {
      try {
        opened.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (closed.getCount() == 0) {
        after.add(event);
        return;
      }
      self[0].close();
      closed.countDown();
    });
    self[0] = subscription;
    opened.countDown();
    assertThat(closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    NetnsSupport.run("ip", "-n", ns, "link", "set", "dev", "veth0", "down");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (subscription.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(subscription.isRunning()).isFalse();
    assertThat(after).isEmpty();
  }

  @Test
  void aThrowingListenerIsCountedAndTheStreamGoesOn() throws Exception {
    subscription = NetlinkSubscription.open(namespace, NetlinkSubscription.Options.defaults(), event -> {
      if (event instanceof Resync) {
        events.add(event);
        throw new IllegalStateException("listener bug");
      }
      events.add(event);
    });
    await(Resync.class, r -> true);
    NetnsSupport.run("ip", "-n", ns, "addr", "add", "203.0.113.7/32", "dev", "veth0");
    InetAddress address = InetAddress.getByName("203.0.113.7");
    await(AddressEvent.class, e -> e.address().address().equals(address));
    assertThat(subscription.listenerFailureCount()).isEqualTo(1);
  }
}
