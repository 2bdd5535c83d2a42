package io.keepalivedj.check;

import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.SocketUapi;
import io.keepalivedj.linux.Syscalls;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The socket options of one probe that Java cannot set: the checkers' {@code bind_if} ("bind
 * the checker's socket to an interface", needed for an IPv6 link-local connect_ip) and
 * {@code fwmark} ("Optional fwmark to mark all outgoing checker packets with", keepalived.conf(5)),
 * and genhash's {@code -m/--fwmark} ("Set the specified firewall mark on the socket", genhash(1)).
 * They are SO_BINDTODEVICE and SO_MARK, set before bind and connect so the SYN (or the first
 * datagram) already leaves through that interface with that mark. Linux only; SO_MARK needs
 * CAP_NET_ADMIN, as for keepalived.
 *
 * <p>Java 17 has no socket option for either (jdk.net.ExtendedSocketOptions stops at
 * TCP_KEEPCOUNT and SO_PEERCRED), so they are set with setsockopt(2) through linux-net on the
 * channel's descriptor. The JDK does not hand the descriptor out: it is read from the
 * {@code fdVal} field of SocketChannelImpl or DatagramChannelImpl (both JDK 17 and 25) with
 * sun.misc.Unsafe (jdk.unsupported, open to the class path), which needs no --add-opens. If a
 * JDK renames the field, applying an option fails with an IOException naming it: the probe
 * fails rather than leave unbound or unmarked.
 *
 * @param bindInterface {@code bind_if}: SO_BINDTODEVICE to this interface name
 * @param fwmark        {@code fwmark}: SO_MARK, 0-4294967295
 */
record ProbeSocketOptions(Optional<String> bindInterface, OptionalLong fwmark) {

    /** asm-generic/socket.h. */
    static final int SO_BINDTODEVICE = 25;
    /** asm-generic/socket.h. */
    static final int SO_MARK = 36;
    /** IFNAMSIZ (uapi/linux/if.h) is 16 with the NUL: a name has at most 15 bytes. */
    static final int MAX_INTERFACE_NAME_BYTES = 15;

    /** A plain probe socket: no syscalls beyond Java's own. */
    static final ProbeSocketOptions NONE = new ProbeSocketOptions(Optional.empty(), OptionalLong.empty());

    ProbeSocketOptions {
        Objects.requireNonNull(bindInterface, "bindInterface");
        Objects.requireNonNull(fwmark, "fwmark");
        bindInterface.ifPresent(ProbeSocketOptions::checkInterfaceName);
        fwmark.ifPresent(ProbeSocketOptions::checkMark);
    }

    /** The target's bind_if and fwmark. */
    static ProbeSocketOptions of(CheckTarget target) {
        if (target.bindInterface().isEmpty() && target.fwmark().isEmpty()) {
            return NONE;
        }
        return new ProbeSocketOptions(target.bindInterface(), target.fwmark());
    }

    ProbeSocketOptions withFwmark(long mark) {
        return new ProbeSocketOptions(bindInterface, OptionalLong.of(mark));
    }

    /**
     * Sets SO_BINDTODEVICE, then SO_MARK, on {@code channel} (open, neither bound nor connected).
     *
     * @throws IOException naming the keyword, its value, the option and the errno, e.g.
     *                     "bind_if eth9: setsockopt(SO_BINDTODEVICE): ENODEV (19)"
     */
    void applyTo(NetworkChannel channel) throws IOException {
        if (bindInterface.isPresent()) {
            bindToDevice(channel, bindInterface.get());
        }
        if (fwmark.isPresent()) {
            setMark(channel, fwmark.getAsLong());
        }
    }

    /**
     * {@code remote} with bind_if's interface index as its scope when it is an IPv6 link-local
     * address without one, so the address names the link the socket is bound to. (For scope 0
     * Linux would take the bound device too, tcp_v6_connect and ip6_datagram_connect; a scope
     * said once cannot disagree with it.) The index is looked up by if_nametoindex(3) in the
     * calling thread's namespace: call this on the thread that opens the socket, not when the
     * check is planned, and not through NetworkInterface, whose IPv6 side reads /proc/net (the
     * namespace of the main thread, not of this one).
     */
    InetSocketAddress scope(InetSocketAddress remote) throws IOException {
        if (bindInterface.isEmpty() || !(remote.getAddress() instanceof Inet6Address a)
                || !a.isLinkLocalAddress() || a.getScopeId() != 0) {
            return remote;
        }
        String name = bindInterface.get();
        int index;
        try {
            index = Syscalls.ifNameToIndex(name);
        } catch (LinuxException e) {
            throw renamed(e, "bind_if " + name + ": if_nametoindex");
        }
        return new InetSocketAddress(Inet6Address.getByAddress(null, a.getAddress(), index), remote.getPort());
    }

    /** SO_BINDTODEVICE {@code name} on {@code channel}. */
    static void bindToDevice(NetworkChannel channel, String name) throws IOException {
        checkInterfaceName(name);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        // The kernel copies at most IFNAMSIZ - 1 bytes and adds the NUL itself (sock_setbindtodevice).
        ByteBuffer value = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        try {
            Syscalls.setsockopt(descriptor(channel), SocketUapi.SOL_SOCKET, SO_BINDTODEVICE, value, "SO_BINDTODEVICE");
        } catch (LinuxException e) {
            throw renamed(e, "bind_if " + name + ": setsockopt(SO_BINDTODEVICE)");
        }
    }

    /** The interface {@code channel} is bound to (getsockopt SO_BINDTODEVICE), empty for none. */
    static Optional<String> boundDevice(NetworkChannel channel) throws IOException {
        ByteBuffer value = ByteBuffer.allocateDirect(MAX_INTERFACE_NAME_BYTES + 1);
        int length = Syscalls.getsockopt(descriptor(channel), SocketUapi.SOL_SOCKET, SO_BINDTODEVICE, value,
                "SO_BINDTODEVICE");
        byte[] bytes = new byte[length];
        value.get(0, bytes);
        // The kernel's length counts the NUL; an unbound socket reports 0.
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    /** SO_MARK {@code mark} on {@code channel}. */
    static void setMark(NetworkChannel channel, long mark) throws IOException {
        checkMark(mark);
        try {
            Syscalls.setsockoptInt(descriptor(channel), SocketUapi.SOL_SOCKET, SO_MARK, (int) mark, "SO_MARK");
        } catch (LinuxException e) {
            throw renamed(e, "fwmark " + mark + ": setsockopt(SO_MARK)");
        }
    }

    /** The mark on {@code channel}'s socket: getsockopt(SO_MARK). */
    static long mark(NetworkChannel channel) throws IOException {
        return Integer.toUnsignedLong(Syscalls.getsockoptInt(descriptor(channel), SocketUapi.SOL_SOCKET, SO_MARK,
                "SO_MARK"));
    }

    /** A name the kernel accepts as a device name (dev_valid_name), in at most 15 bytes. */
    static void checkInterfaceName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_INTERFACE_NAME_BYTES
                || name.chars().anyMatch(c -> c == '/' || c == ':' || c == 0 || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("bind_if is not an interface name: '" + name + "'");
        }
    }

    static void checkMark(long mark) {
        if (mark < 0 || mark > CheckTarget.MAX_FWMARK) {
            throw new IllegalArgumentException("fwmark out of range 0-" + CheckTarget.MAX_FWMARK + ": " + mark);
        }
    }

    /** The same errno, told as the keyword and value the operator wrote. */
    private static LinuxException renamed(LinuxException e, String operation) {
        LinuxException named = new LinuxException(e.errno(), operation);
        named.initCause(e);
        return named;
    }

    /** The descriptor of a JDK socket or datagram channel, read from its fdVal field. */
    static int descriptor(NetworkChannel channel) throws IOException {
        Descriptors d = Descriptors.INSTANCE;
        // The offsets hold for the JDK's own classes only, not for another provider's channels.
        long offset = d.socket.owns(channel) ? d.socket.offset : d.datagram.owns(channel) ? d.datagram.offset : -1;
        if (offset < 0) {
            throw new IOException("cannot find the socket descriptor of a " + channel.getClass().getName()
                    + " to set bind_if/fwmark" + (d.failure == null ? "" : ": " + d.failure));
        }
        return d.unsafe.getInt(channel, offset);
    }

    /**
     * Looked up once: the Unsafe and where SocketChannelImpl and DatagramChannelImpl keep their
     * descriptor (a {@link FdField#MISSING} where not), and why not.
     */
    @SuppressWarnings("removal")
    private static final class Descriptors {
        static final Descriptors INSTANCE = new Descriptors();

        final sun.misc.Unsafe unsafe;
        final FdField socket;
        final FdField datagram;
        final String failure;

        private Descriptors() {
            sun.misc.Unsafe u = null;
            FdField s = FdField.MISSING;
            FdField d = FdField.MISSING;
            String why = null;
            try {
                Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                u = (sun.misc.Unsafe) theUnsafe.get(null);
                s = FdField.of(u, "sun.nio.ch.SocketChannelImpl");
                d = FdField.of(u, "sun.nio.ch.DatagramChannelImpl");
            } catch (ReflectiveOperationException | RuntimeException e) {
                why = e.toString();
            }
            this.unsafe = u;
            this.socket = s;
            this.datagram = d;
            this.failure = why;
        }
    }

    /** The {@code int fdVal} field of a JDK channel class. */
    private record FdField(Class<?> owner, long offset) {
        static final FdField MISSING = new FdField(Void.class, -1);

        @SuppressWarnings("removal")
        static FdField of(sun.misc.Unsafe u, String className) throws ReflectiveOperationException {
            Class<?> c = Class.forName(className);
            return new FdField(c, u.objectFieldOffset(c.getDeclaredField("fdVal")));
        }

        boolean owns(NetworkChannel channel) {
            return offset >= 0 && owner.isInstance(channel);
        }
    }
}
