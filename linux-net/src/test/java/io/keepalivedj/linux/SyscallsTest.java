package io.keepalivedj.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Unprivileged checks of the libc wrappers: buffer positions, errno mapping, msghdr layout. */
class SyscallsTest {
  @Test
  void readAndWriteHonourBufferPositions() throws Exception {
    int fd = Syscalls.eventfd(0, FileUapi.EFD_CLOEXEC);
    try {
      // eventfd adds the written u64 to its counter and returns the counter on read.
      ByteBuffer out = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
      out.putLong(4, 41).position(4);
      assertThat(Syscalls.write(fd, out, "eventfd")).isEqualTo(8);
      assertThat(out.position()).isEqualTo(12);
      ByteBuffer heapOut = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, 1);
      Syscalls.write(fd, heapOut, "eventfd");
      ByteBuffer in = ByteBuffer.allocateDirect(10).order(ByteOrder.nativeOrder());
      in.position(2);
      assertThat(Syscalls.read(fd, in, "eventfd")).isEqualTo(8);
      assertThat(in.getLong(2)).isEqualTo(42);
      assertThat(Syscalls.poll(fd, FileUapi.POLLIN, 0)).isZero();
    } finally {
      Syscalls.close(fd);
    }
  }

  @Test
  void failuresCarryErrnoNameAndOperation() {
    assertThatThrownBy(() -> Syscalls.setsockoptInt(-1, SocketUapi.SOL_IP, 2, 255, "IP_TTL"))
        .isInstanceOfSatisfying(LinuxException.class, e -> {
          assertThat(e.errno()).isEqualTo(Errno.EBADF);
          assertThat(e.errnoName()).isEqualTo("EBADF");
          assertThat(e.operation()).isEqualTo("setsockopt(IP_TTL)");
          assertThat(e.getMessage()).isEqualTo("setsockopt(IP_TTL): EBADF (9)");
        });
    assertThatThrownBy(() -> Syscalls.open("/nonexistent/kjln", FileUapi.O_RDONLY))
        .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
    assertThat(Errno.name(133)).isEqualTo("errno 133");
  }

  @Test
  void sendmsgAndRecvmsgCarryDataAndAddresses() throws Exception {
    // Two AF_UNIX datagram sockets in the abstract namespace: no file, nothing on the network.
    ByteBuffer address = unixAbstract("kjln-" + ProcessHandle.current().pid());
    ByteBuffer senderAddress = unixAbstract("kjln-" + ProcessHandle.current().pid() + "-tx");
    int receiver = Syscalls.socket(SocketUapi.AF_UNIX, SocketUapi.SOCK_DGRAM | SocketUapi.SOCK_CLOEXEC, 0);
    int sender = Syscalls.socket(SocketUapi.AF_UNIX, SocketUapi.SOCK_DGRAM | SocketUapi.SOCK_CLOEXEC, 0);
    try {
      Syscalls.bind(receiver, address.duplicate(), "AF_UNIX");
      Syscalls.bind(sender, senderAddress.duplicate(), "AF_UNIX");
      ByteBuffer data = ByteBuffer.wrap("hello vrrp".getBytes(StandardCharsets.US_ASCII));
      assertThat(Syscalls.sendmsg(sender, data, address.duplicate(), null, 0, "AF_UNIX")).isEqualTo(10);
      assertThat(data.hasRemaining()).isFalse();

      ByteBuffer into = ByteBuffer.allocate(4);
      ByteBuffer source = ByteBuffer.allocate(110);
      Syscalls.ReceivedMessage received =
          Syscalls.recvmsg(receiver, into, source, null, SocketUapi.MSG_DONTWAIT, "AF_UNIX");
      assertThat(received.length()).isEqualTo(4);
      assertThat((received.flags() & SocketUapi.MSG_TRUNC) != 0).isTrue();
      assertThat(new String(into.array(), StandardCharsets.US_ASCII)).isEqualTo("hell");
      assertThat(source).isEqualTo(senderAddress);
      assertThatThrownBy(() -> Syscalls.recvmsg(receiver, ByteBuffer.allocate(4), null, null,
          SocketUapi.MSG_DONTWAIT, "AF_UNIX"))
          .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("EAGAIN"));
    } finally {
      Syscalls.close(sender);
      Syscalls.close(receiver);
    }
  }

  /** struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; }, abstract: path[0] = 0. */
  private static ByteBuffer unixAbstract(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer address = ByteBuffer.allocate(3 + bytes.length).order(ByteOrder.nativeOrder());
    address.putShort((short) SocketUapi.AF_UNIX).put((byte) 0).put(bytes).flip();
    return address;
  }
}
