package io.keepalivedj.linux.genetlink;

import io.keepalivedj.linux.Errno;
import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.NetworkNamespace;
import io.keepalivedj.linux.netlink.Decoding;
import io.keepalivedj.linux.netlink.NetlinkException;
import io.keepalivedj.linux.netlink.NetlinkMessage;
import io.keepalivedj.linux.netlink.NetlinkReply;
import io.keepalivedj.linux.netlink.NetlinkRequest;
import io.keepalivedj.linux.netlink.NetlinkSocket;
import io.keepalivedj.linux.netlink.NetlinkUapi;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A NETLINK_GENERIC socket and family lookup through nlctrl. Families are resolved per
 * namespace and per socket, never cached globally: their ids are assigned when a module loads.
 */
public final class GenericNetlinkClient implements AutoCloseable {
  /** The module that registers a family, for the "not found" hint. */
  private static final Map<String, String> MODULES = Map.of("IPVS", "ip_vs", "nl80211", "cfg80211",
      "wireguard", "wireguard", "team", "team");

  private final NetlinkSocket socket;

  private GenericNetlinkClient(NetlinkSocket socket) {
    this.socket = socket;
  }

  /** A client in the calling thread's network namespace. */
  public static GenericNetlinkClient open() throws LinuxException {
    return new GenericNetlinkClient(NetlinkSocket.open(NetlinkUapi.NETLINK_GENERIC));
  }

  /** A client whose socket lives in {@code namespace}. */
  public static GenericNetlinkClient open(NetworkNamespace namespace) throws IOException {
    return namespace.call(GenericNetlinkClient::open);
  }

  /** A client over an open NETLINK_GENERIC socket, which it then owns (and closes). */
  public static GenericNetlinkClient over(NetlinkSocket socket) {
    if (socket.options().protocol() != NetlinkUapi.NETLINK_GENERIC) {
      throw new IllegalArgumentException("not a NETLINK_GENERIC socket: " + socket);
    }
    return new GenericNetlinkClient(socket);
  }

  /** The socket, for a family client (IPVS) to send its own requests on. */
  public NetlinkSocket socket() {
    return socket;
  }

  /**
   * {@code genl ctrl get name NAME}. A family the kernel lacks gives a NetlinkException (ENOENT)
   * saying so, e.g. "generic netlink family 'IPVS' not found: the kernel has no IPVS (modprobe ip_vs)".
   */
  public GenericNetlinkFamily family(String name) throws LinuxException {
    Optional<GenericNetlinkFamily> family = findFamily(name);
    if (family.isEmpty()) {
      String module = MODULES.get(name);
      String hint = module != null ? "modprobe " + module : "is its kernel module loaded?";
      throw new NetlinkException(Errno.ENOENT, "genl ctrl get name " + name,
          "generic netlink family '" + name + "' not found: the kernel has no " + name + " (" + hint + ")");
    }
    return family.get();
  }

  /** {@code genl ctrl get name NAME}: empty when the kernel answers ENOENT. */
  public Optional<GenericNetlinkFamily> findFamily(String name) throws LinuxException {
    NetlinkRequest request = GenericNetlinkCodec.encodeGetFamily(name);
    NetlinkReply reply;
    try {
      reply = socket.request(request);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENOENT) {
        return Optional.empty();
      }
      throw e;
    }
    for (NetlinkMessage message : reply.messages()) {
      Decoding<GenericNetlinkFamily> decoded = GenericNetlinkCodec.decodeFamily(message);
      if (decoded instanceof Decoding.Decoded<GenericNetlinkFamily> d) {
        return Optional.of(d.value());
      }
      if (decoded instanceof Decoding.Rejected<GenericNetlinkFamily> r) {
        throw new NetlinkException(Errno.EBADMSG, request.operation(), "malformed reply: " + r.detail());
      }
    }
    throw new NetlinkException(Errno.EBADMSG, request.operation(), "the kernel acknowledged without a family");
  }

  @Override
  public void close() throws LinuxException {
    socket.close();
  }
}
