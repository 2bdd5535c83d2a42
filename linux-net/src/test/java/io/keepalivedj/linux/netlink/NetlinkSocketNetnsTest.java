package io.keepalivedj.linux.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetnsSupport;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.genetlink.GenericNetlinkClient;
import io.keepalivedj.linux.genetlink.GenericNetlinkFamily;
import io.keepalivedj.linux.genetlink.GenetlinkUapi;
import io.keepalivedj.linux.genetlink.MulticastGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("netns")
class NetlinkSocketNetnsTest {
  private String ns;

  @BeforeEach
  void setUp() {
    NetnsSupport.requireRootAndIp();
    ns = NetnsSupport.createNamespace();
  }

  @AfterEach
  void tearDown() {
    NetnsSupport.deleteNamespace(ns);
  }

  @Test
  void tenThousandSocketsLeakNoDescriptor() throws Exception {
    NetworkNamespace namespace = NetworkNamespace.named(ns);
    // Warm up (libc load, jnr stubs) and let the setUp's ip(8) pipes be reclaimed first, so
    // the count before is the steady state.
    namespace.call(() -> {
      NetlinkSocket.open(NetlinkUapi.NETLINK_ROUTE).close();
      return null;
    });
    System.gc();
    long before = NetnsSupport.socketAndEventFdCount();
    long started = System.nanoTime();
    namespace.call(() -> {
      for (int i = 0; i < 10_000; i++) {
        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkUapi.NETLINK_ROUTE)) {
          assertThat(socket.portId()).isNotZero();
        }
      }
      return null;
    });
    long micros = (System.nanoTime() - started) / 1000 / 10_000;
    System.out.println("NetlinkSocket open+close: ~" + micros + " us each over 10000");
    assertThat(NetnsSupport.socketAndEventFdCount()).isEqualTo(before);
  }

  @Test
  void resolvesNlctrlAndExplainsAMissingIpvs() throws Exception {
    try (GenericNetlinkClient genl = GenericNetlinkClient.open(NetworkNamespace.named(ns))) {
      GenericNetlinkFamily nlctrl = genl.family("nlctrl");
      assertThat(nlctrl.id()).isEqualTo(GenetlinkUapi.GENL_ID_CTRL);
      assertThat(nlctrl.multicastGroups()).contains(new MulticastGroup("notify", 16));
      assertThatThrownBy(() -> genl.family("IPVS"))
          .isInstanceOfSatisfying(NetlinkException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.ENOENT);
            assertThat(e.getMessage()).contains(
                "generic netlink family 'IPVS' not found: the kernel has no IPVS (modprobe ip_vs)");
          });
      // the socket still works after the error
      assertThat(genl.findFamily("nlctrl")).isPresent();
    }
  }

  @Test
  void aMissingNamespaceIsALinuxException() {
    assertThatThrownBy(() -> NetworkNamespace.named(ns + "-absent").call(() -> 1))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
  }

  @Test
  void aClosedSocketRefusesRequests() throws Exception {
    NetlinkSocket socket = NetworkNamespace.named(ns).call(() -> NetlinkSocket.open(NetlinkUapi.NETLINK_ROUTE));
    socket.close();
    socket.close();
    assertThatThrownBy(() -> socket.request(io.keepalivedj.linux.rtnetlink.LinkCodec.encodeDump()))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("EBADF"));
  }
}
