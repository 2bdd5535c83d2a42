package io.keepalivedj.linux.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.packet.IcmpEchoType;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Ping sockets between the two sides of a {@link VethLab}: replies, ICMP errors, the sysctl. */
@Tag("netns")
class IcmpEchoSocketNetnsTest {
  /** Generous bound on waiting for a packet; ARP gives up after about 3 s (mcast_solicit 3). */
  private static final int WAIT_MILLIS = 10_000;

  private VethLab lab;
  private final List<IcmpEchoSocket> sockets = new ArrayList<>();
  private IcmpEchoSelector selector;

  @BeforeEach
  void setUp() throws Exception {
    lab = VethLab.create();
    selector = IcmpEchoSelector.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (IcmpEchoSocket s : sockets) {
      s.close();
    }
    selector.close();
    if (lab != null) {
      lab.close();
    }
  }

  IcmpEchoSocket open(IcmpEchoSocket.Options options) throws Exception {
    IcmpEchoSocket socket = lab.a.call(() -> IcmpEchoSocket.open(options));
    sockets.add(socket);
    return socket;
  }

  /** The next reply or error on {@code socket}, skipping nothing: a test sees every arrival. */
  IcmpEchoSocket.Received next(IcmpEchoSocket socket) throws Exception {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<IcmpEchoSocket.Received> received = socket.receive();
      if (received.isPresent()) {
        return received.get();
      }
      selector.select(List.of(socket), 100);
    }
    throw new AssertionError("nothing arrived on " + socket + " within " + WAIT_MILLIS + " ms");
  }

  static ByteBuffer ascii(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void widensPingGroupRangeThenEchoesOverIpv4AndIpv6() throws Exception {
    // A new namespace lets no group open ping sockets, root included.
    assertThat(NetnsSupport.run("ip", "netns", "exec", lab.nameA, "cat", "/proc/sys/net/ipv4/ping_group_range"))
        .isEqualTo("1\t0\n");
    IcmpEchoSocket v4 = open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET));
    assertThat(NetnsSupport.run("ip", "netns", "exec", lab.nameA, "cat", "/proc/sys/net/ipv4/ping_group_range"))
        .isEqualTo("0\t0\n");
    v4.send(InetAddress.getByName("192.0.2.3"), 7, ascii("token-v4"));
    IcmpEchoSocket.Received reply = next(v4);
    assertThat(reply).isInstanceOf(IcmpEchoSocket.Reply.class);
    IcmpEchoSocket.Reply r = (IcmpEchoSocket.Reply) reply;
    assertThat(r.source()).isEqualTo(InetAddress.getByName("192.0.2.3"));
    assertThat(r.echo().type()).isEqualTo(IcmpEchoType.ECHO_REPLY);
    // The kernel put the socket's identifier in the request; the reply carries it back.
    assertThat(r.echo().identifier()).isEqualTo(v4.identifier());
    assertThat(r.echo().sequence()).isEqualTo(7);
    assertThat(r.echo().payload()).isEqualTo(ascii("token-v4"));

    IcmpEchoSocket v6 = open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET6)
        .withSource(InetAddress.getByName("2001:db8::2")));
    v6.send(InetAddress.getByName("2001:db8::3"), 65535, ascii("token-v6"));
    IcmpEchoSocket.Reply r6 = (IcmpEchoSocket.Reply) next(v6);
    assertThat(r6.source()).isEqualTo(InetAddress.getByName("2001:db8::3"));
    assertThat(r6.echo().type()).isEqualTo(IcmpEchoType.ECHO_REPLY_V6);
    assertThat(r6.echo().sequence()).isEqualTo(65535);
    assertThat(r6.echo().payload()).isEqualTo(ascii("token-v6"));
  }

  @Test
  void failedNeighbourResolutionComesBackAsHostUnreachableFromUs() throws Exception {
    // Not bound to a0: the kernel's error comes in over lo, and a socket bound to a device only
    // hears errors arriving on that device (net/ipv4/ping.c ping_lookup).
    // The error is a packet from this host to itself: it needs lo up, which VethLab leaves down.
    NetnsSupport.run("ip", "-n", lab.nameA, "link", "set", "dev", "lo", "up");
    IcmpEchoSocket v4 = open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET));
    v4.send(InetAddress.getByName("192.0.2.99"), 42, ascii("nobody"));
    // ARP gets no answer; the kernel answers its own request with ICMP host unreachable.
    IcmpEchoSocket.Received received = next(v4);
    assertThat(received).isInstanceOf(IcmpEchoSocket.Error.class);
    IcmpEchoSocket.Error error = (IcmpEchoSocket.Error) received;
    assertThat(error.destination()).isEqualTo(InetAddress.getByName("192.0.2.99"));
    assertThat(error.error().origin()).isEqualTo(ErrqueueUapi.SO_EE_ORIGIN_ICMP);
    assertThat(error.error().describe()).isEqualTo("host unreachable");
    assertThat(error.error().offender()).contains(InetAddress.getByName("192.0.2.2"));
    assertThat(error.request()).isPresent();
    assertThat(error.request().get().sequence()).isEqualTo(42);
    assertThat(error.request().get().payload()).isEqualTo(ascii("nobody"));
  }

  @Test
  void refusalsNameTheOperation() throws Exception {
    IcmpEchoSocket v4 = open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET));
    // No route at all: sendto fails at once.
    assertThatThrownBy(() -> v4.send(InetAddress.getByName("203.0.113.9"), 1, ascii("x")))
        .isInstanceOf(LinuxException.class)
        .hasMessageContaining("sendto(ICMP echo socket to 203.0.113.9 seq 1)")
        .hasMessageContaining("ENETUNREACH");
    assertThatThrownBy(() -> open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET)
        .withSource(InetAddress.getByName("198.51.100.1"))))
        .isInstanceOf(LinuxException.class).hasMessageContaining("bind(").hasMessageContaining("EADDRNOTAVAIL");
    assertThatThrownBy(() -> open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET).withDevice("nope0")))
        .isInstanceOf(LinuxException.class).hasMessageContaining("if_nametoindex(nope0)");
    v4.close();
    assertThatThrownBy(() -> v4.send(InetAddress.getByName("192.0.2.3"), 1, ascii("x")))
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void markIsOnTheSocket() throws Exception {
    IcmpEchoSocket marked = open(IcmpEchoSocket.Options.of(StandardProtocolFamily.INET).withMark(0xfffffffeL));
    assertThat(Integer.toUnsignedLong(io.keepalivedj.linux.Syscalls.getsockoptInt(marked.descriptor(),
        io.keepalivedj.linux.SocketUapi.SOL_SOCKET, IcmpEchoSocket.SO_MARK, "SO_MARK"))).isEqualTo(0xfffffffeL);
  }
}
