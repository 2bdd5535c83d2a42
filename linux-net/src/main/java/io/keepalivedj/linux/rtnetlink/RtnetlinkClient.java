package io.keepalivedj.linux.rtnetlink;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.NetlinkException;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkReply;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import io.keepalivedj.linux.netlink.NetlinkSocket;
import io.keepalivedj.linux.netlink.NetlinkUapi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Links and addresses over a NETLINK_ROUTE socket; methods mirror {@code ip} commands. The
 * client acts in the namespace its socket was opened in. Kernel errors surface as
 * {@link NetlinkException} (EEXIST for a duplicate address, ENODEV for a missing interface...).
 */
public final class RtnetlinkClient implements AutoCloseable {
  /** A dump the kernel flags NLM_F_DUMP_INTR is re-run this many times before failing. */
  static final int DUMP_ATTEMPTS = 3;

  private final NetlinkSocket socket;

  private RtnetlinkClient(NetlinkSocket socket) {
    this.socket = socket;
  }

  /** A client in the calling thread's network namespace. */
  public static RtnetlinkClient open() throws LinuxException {
    return new RtnetlinkClient(NetlinkSocket.open(NetlinkUapi.NETLINK_ROUTE));
  }

  /** A client over an open NETLINK_ROUTE socket, which it then owns (and closes). */
  public static RtnetlinkClient over(NetlinkSocket socket) {
    if (socket.options().protocol() != NetlinkUapi.NETLINK_ROUTE) {
      throw new IllegalArgumentException("not a NETLINK_ROUTE socket: " + socket);
    }
    return new RtnetlinkClient(socket);
  }

  /** A client whose socket lives in {@code namespace}, whatever thread uses it later. */
  public static RtnetlinkClient open(NetworkNamespace namespace) throws IOException {
    return namespace.call(RtnetlinkClient::open);
  }

  /** {@code ip link show}: every link in the namespace. */
  public List<LinkInfo> listLinks() throws LinuxException {
    return dump(LinkCodec.encodeDump(), RtnetlinkUapi.RTM_NEWLINK, LinkCodec::decode);
  }

  /** {@code ip link show dev NAME}: the link, or empty when the kernel says ENODEV. */
  public Optional<LinkInfo> link(String name) throws LinuxException {
    NetlinkRequest request = LinkCodec.encodeGetByName(name);
    NetlinkReply reply;
    try {
      reply = socket.request(request);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENODEV) {
        return Optional.empty();
      }
      throw e;
    }
    for (NetlinkMessage message : reply.messages()) {
      if (message.type() == RtnetlinkUapi.RTM_NEWLINK) {
        return Optional.of(decoded(request, LinkCodec.decode(message)));
      }
    }
    throw new NetlinkException(Errno.EBADMSG, request.operation(), "the kernel answered without RTM_NEWLINK");
  }

  /** {@code ip addr add ADDRESS/PREFIX dev IFINDEX [brd B] [label L] [scope S]}; EEXIST if present. */
  public void addAddress(InterfaceAddress address) throws LinuxException {
    socket.request(AddressCodec.encodeAdd(Objects.requireNonNull(address, "address")));
  }

  /** {@code ip addr del ADDRESS/PREFIX dev IFINDEX}; EADDRNOTAVAIL if absent. */
  public void deleteAddress(InterfaceAddress address) throws LinuxException {
    socket.request(AddressCodec.encodeDelete(Objects.requireNonNull(address, "address")));
  }

  /** {@code ip addr show}: every IPv4 and IPv6 address in the namespace. */
  public List<InterfaceAddress> listAddresses() throws LinuxException {
    return listAddresses(SocketUapi.AF_UNSPEC);
  }

  /** {@code ip -4 addr show} (AF_INET) or {@code ip -6 addr show} (AF_INET6). */
  public List<InterfaceAddress> listAddresses(int family) throws LinuxException {
    if (family != SocketUapi.AF_UNSPEC && family != SocketUapi.AF_INET && family != SocketUapi.AF_INET6) {
      throw new IllegalArgumentException("family must be AF_UNSPEC, AF_INET or AF_INET6: " + family);
    }
    return dump(AddressCodec.encodeDump(family), RtnetlinkUapi.RTM_NEWADDR, AddressCodec::decode);
  }

  private <T> List<T> dump(NetlinkRequest request, int type, Function<NetlinkMessage, Decoding<T>> decoder)
      throws LinuxException {
    for (int attempt = 1; ; attempt++) {
      NetlinkReply reply = socket.request(request);
      if (reply.dumpInterrupted()) {
        if (attempt < DUMP_ATTEMPTS) {
          continue;
        }
        throw new NetlinkException(Errno.EAGAIN, request.operation(), "dump interrupted by concurrent changes "
            + DUMP_ATTEMPTS + " times (NLM_F_DUMP_INTR)");
      }
      List<T> values = new ArrayList<>();
      for (NetlinkMessage message : reply.messages()) {
        if (message.type() == type) {
          values.add(decoded(request, decoder.apply(message)));
        }
      }
      return List.copyOf(values);
    }
  }

  private static <T> T decoded(NetlinkRequest request, Decoding<T> decoding) throws NetlinkException {
    if (decoding instanceof Decoding.Decoded<T> d) {
      return d.value();
    }
    if (decoding instanceof Decoding.Rejected<T> r) {
      throw new NetlinkException(Errno.EBADMSG, request.operation(), "malformed reply: " + r.detail());
    }
    throw new AssertionError(decoding);
  }

  @Override
  public void close() throws LinuxException {
    socket.close();
  }
}
