package io.keepalivedj.check;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a checker probes: the real server ({@code real_server IP [PORT]}) plus the per-checker
 * connection options of keepalived.conf(5).
 *
 * @param ip          the real server address; identifies the target in events and logs
 * @param port        the real server port, 0 when the real server has none (fwmark services,
 *                    MISC_CHECK-only servers)
 * @param connectIp   {@code connect_ip}: "The default is the realserver IP"
 * @param connectPort {@code connect_port}: "The default is the realserver port"
 * @param bindAddress {@code bindto}: source address of the probe; default: the kernel picks
 * @param bindPort    {@code bind_port}: source port of the probe; default: ephemeral
 * @param bindInterface {@code bind_if}: interface the probe socket is bound to
 *                    (SO_BINDTODEVICE); needed for an IPv6 link-local target, which is then
 *                    connected with that interface's scope (looked up when the probe starts,
 *                    in the namespace of the checker's loop); default none
 * @param fwmark      {@code fwmark}: SO_MARK on every probe packet, 0-4294967295, so policy
 *                    routing or a firewall can treat checker traffic apart; default none
 */
public record CheckTarget(
        InetAddress ip,
        int port,
        Optional<InetAddress> connectIp,
        OptionalInt connectPort,
        Optional<InetAddress> bindAddress,
        OptionalInt bindPort,
        Optional<String> bindInterface,
        OptionalLong fwmark) {

    /** keepalived.conf(5) fwmark and genhash -m take a 32-bit unsigned mark. */
    public static final long MAX_FWMARK = 0xffff_ffffL;

    public CheckTarget {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(connectIp, "connectIp");
        Objects.requireNonNull(connectPort, "connectPort");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(bindPort, "bindPort");
        Objects.requireNonNull(bindInterface, "bindInterface");
        Objects.requireNonNull(fwmark, "fwmark");
        bindInterface.ifPresent(ProbeSocketOptions::checkInterfaceName);
        fwmark.ifPresent(ProbeSocketOptions::checkMark);
        checkPort("port", port);
        connectPort.ifPresent(p -> checkPort("connect_port", p));
        bindPort.ifPresent(p -> checkPort("bind_port", p));
    }

    public static CheckTarget of(InetAddress ip, int port) {
        return new CheckTarget(ip, port, Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    public CheckTarget withConnect(InetAddress newConnectIp, int newConnectPort) {
        return new CheckTarget(ip, port, Optional.of(newConnectIp), OptionalInt.of(newConnectPort), bindAddress, bindPort,
                bindInterface, fwmark);
    }

    public CheckTarget withBind(InetAddress address, OptionalInt sourcePort) {
        return new CheckTarget(ip, port, connectIp, connectPort, Optional.of(address), sourcePort, bindInterface, fwmark);
    }

    /** The same target probed through interface {@code name} ({@code bind_if}). */
    public CheckTarget withBindInterface(String name) {
        return new CheckTarget(ip, port, connectIp, connectPort, bindAddress, bindPort, Optional.of(name), fwmark);
    }

    /** The same target with its probe packets marked {@code mark} ({@code fwmark}). */
    public CheckTarget withFwmark(long mark) {
        return new CheckTarget(ip, port, connectIp, connectPort, bindAddress, bindPort, bindInterface, OptionalLong.of(mark));
    }

    /**
     * The address the probe connects to, after connect_ip/connect_port overrides. An IPv6
     * link-local address keeps scope 0 here: the interface index belongs to a namespace, and
     * the probe adds bind_if's when it opens its socket.
     */
    public InetSocketAddress connectAddress() {
        return new InetSocketAddress(connectIp.orElse(ip), connectPort.orElse(port));
    }

    /** The local address to bind before connecting, if bindto or bind_port is set. */
    public Optional<InetSocketAddress> bindSocketAddress() {
        if (bindAddress.isEmpty() && bindPort.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bindAddress.map(a -> new InetSocketAddress(a, bindPort.orElse(0)))
                .orElseGet(() -> new InetSocketAddress(bindPort.getAsInt())));
    }

    private static void checkPort(String what, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(what + " out of range 0-65535: " + value);
        }
    }

    /** {@code ip:port}, IPv6 in brackets, as keepalived logs it ("[192.0.2.1]:tcp:80" there). */
    @Override
    public String toString() {
        String host = ip.getHostAddress();
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
