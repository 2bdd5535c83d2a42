package io.keepalivedj.linux.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.FileUapi;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Unprivileged: an AF_UNIX datagram socket stands in for the raw socket. */
class WakeableDescriptorTest {
  private static boolean isOpen(int fd) {
    try {
      Syscalls.getsockoptInt(fd, SocketUapi.SOL_SOCKET, SocketUapi.SO_RCVBUF, "SO_RCVBUF");
      return true;
    } catch (LinuxException e) {
      assertThat(e.errnoName()).isEqualTo("EBADF");
      return false;
    }
  }

  @Test
  void closeWakesAWaiterAndTheLastReleaseClosesTheDescriptor() throws Exception {
    int fd = Syscalls.socket(SocketUapi.AF_UNIX, SocketUapi.SOCK_DGRAM | SocketUapi.SOCK_CLOEXEC, 0);
    WakeableDescriptor descriptor = WakeableDescriptor.of(fd, "test socket");
    CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        descriptor.acquire();
        try {
          return descriptor.awaitReadable(-1);
        } finally {
          descriptor.release();
        }
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(200);
    assertThat(waiter).isNotDone();
    descriptor.close();
    assertThat(waiter.get(5, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
    assertThat(isOpen(fd)).isFalse();
    assertThatThrownBy(descriptor::acquire).isInstanceOf(ClosedChannelException.class);
    descriptor.close();
  }

  @Test
  void aDescriptorInUseOutlivesCloseUntilReleased() throws Exception {
    int fd = Syscalls.socket(SocketUapi.AF_UNIX, SocketUapi.SOCK_DGRAM | SocketUapi.SOCK_CLOEXEC, 0);
    WakeableDescriptor descriptor = WakeableDescriptor.of(fd, "test socket");
    assertThat(descriptor.acquire()).isEqualTo(fd);
    descriptor.close();
    assertThat(descriptor.isOpen()).isFalse();
    assertThat(isOpen(fd)).as("still in use: not closed under the caller").isTrue();
    assertThatThrownBy(() -> descriptor.awaitReadable(0)).isInstanceOf(AsynchronousCloseException.class);
    descriptor.release();
    assertThat(isOpen(fd)).isFalse();
  }

  @Test
  void awaitReadableReportsReadinessAndTimeout() throws Exception {
    int fd = Syscalls.eventfd(0, FileUapi.EFD_CLOEXEC | FileUapi.EFD_NONBLOCK);
    try (WakeableDescriptor descriptor = WakeableDescriptor.of(fd, "eventfd")) {
      descriptor.acquire();
      try {
        assertThat(descriptor.awaitReadable(50)).isFalse();
        Syscalls.write(fd, ByteBuffer.allocateDirect(8).putLong(0, 1), "eventfd");
        assertThat(descriptor.awaitReadable(50)).isTrue();
      } finally {
        descriptor.release();
      }
    }
  }

  @Test
  void optionsRejectWhatTheKernelWould() {
    RawIpSocket.Options v4 = RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, 2);
    assertThat(v4.protocol()).isEqualTo(112);
    assertThat(v4.hopLimit()).isEqualTo(255);
    assertThat(v4.trafficClass()).isEqualTo(0xc0);
    assertThat(v4.multicastLoop()).isFalse();
    assertThatThrownBy(() -> v4.withChecksumOffset(6)).hasMessageContaining("IPv6 option");
    RawIpSocket.Options v6 = RawIpSocket.Options.vrrp(StandardProtocolFamily.INET6, 2);
    assertThatThrownBy(() -> v6.withChecksumOffset(7)).hasMessageContaining("even");
    assertThat(v6.withChecksumOffset(6).checksumOffset()).isEqualTo(6);
    assertThatThrownBy(() -> v4.withHopLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> v4.withProtocol(256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RawIpSocket.Options.vrrp(StandardProtocolFamily.INET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RawIpSocket.Options.vrrp(StandardProtocolFamily.UNIX, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
