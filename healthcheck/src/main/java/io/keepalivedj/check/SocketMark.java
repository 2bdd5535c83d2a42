package io.keepalivedj.check;

import io.keepalivedj.linux.Syscalls;
import io.keepalivedj.linux.SocketUapi;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;

/**
 * SO_MARK on a probe socket: genhash's {@code -m/--fwmark} ("Set the specified firewall mark on
 * the socket", genhash(1)) and the checkers' {@code fwmark} ("Optional fwmark to mark all
 * outgoing checker packets with", keepalived.conf(5)), so policy routing or a firewall can
 * treat checker traffic apart. Linux only; needs CAP_NET_ADMIN, as for keepalived.
 *
 * <p>Java 17 has no socket option for it (jdk.net.ExtendedSocketOptions stops at TCP_KEEPCOUNT
 * and SO_PEERCRED), so the mark is set with setsockopt(2) through linux-net on the channel's
 * descriptor. The JDK does not hand the descriptor out: it is read from SocketChannelImpl's
 * {@code fdVal} field with sun.misc.Unsafe (jdk.unsupported, open to the class path), which
 * needs no --add-opens; if a JDK renames the field, marking fails with an IOException naming
 * it rather than sending unmarked probes.
 */
final class SocketMark {

    /** asm-generic/socket.h. */
    static final int SO_MARK = 36;
    /** keepalived.conf(5) fwmark and genhash -m take a 32-bit unsigned mark. */
    static final long MAX_MARK = 0xffff_ffffL;

    private SocketMark() {
    }

    /** Sets SO_MARK on {@code channel} (open, not yet connected, for the SYN to carry it). */
    static void set(SocketChannel channel, long mark) throws IOException {
        if (mark < 0 || mark > MAX_MARK) {
            throw new IllegalArgumentException("fwmark must be 0-" + MAX_MARK + ": " + mark);
        }
        Syscalls.setsockoptInt(descriptor(channel), SocketUapi.SOL_SOCKET, SO_MARK, (int) mark, "SO_MARK");
    }

    /** The mark on {@code channel}'s socket: getsockopt(SO_MARK). */
    static long get(SocketChannel channel) throws IOException {
        return Integer.toUnsignedLong(Syscalls.getsockoptInt(descriptor(channel), SocketUapi.SOL_SOCKET, SO_MARK, "SO_MARK"));
    }

    static int descriptor(SocketChannel channel) throws IOException {
        Descriptors d = Descriptors.INSTANCE;
        if (d.failure != null) {
            throw new IOException("cannot find the socket descriptor of " + channel.getClass().getName()
                    + " to set SO_MARK: " + d.failure);
        }
        if (!d.channelClass.isInstance(channel)) {
            throw new IOException("cannot set SO_MARK on a " + channel.getClass().getName());
        }
        return d.unsafe.getInt(channel, d.fdValOffset);
    }

    /** Looked up once: the Unsafe and the offset of SocketChannelImpl.fdVal, or why not. */
    @SuppressWarnings("removal")
    private static final class Descriptors {
        static final Descriptors INSTANCE = new Descriptors();

        final sun.misc.Unsafe unsafe;
        final Class<?> channelClass;
        final long fdValOffset;
        final String failure;

        private Descriptors() {
            sun.misc.Unsafe u = null;
            Class<?> c = null;
            long offset = -1;
            String why = null;
            try {
                Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                u = (sun.misc.Unsafe) theUnsafe.get(null);
                c = Class.forName("sun.nio.ch.SocketChannelImpl");
                offset = u.objectFieldOffset(c.getDeclaredField("fdVal"));
            } catch (ReflectiveOperationException | RuntimeException e) {
                why = e.toString();
            }
            this.unsafe = u;
            this.channelClass = c;
            this.fdValOffset = offset;
            this.failure = why;
        }
    }
}
