package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keepalivedj.linux.LinuxException;
import io.keepalivedj.linux.Syscalls;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SO_BINDTODEVICE and SO_MARK on both kinds of probe channel, read back with getsockopt(2).
 * Only loopback and this test's own unconnected sockets are touched; marking needs
 * CAP_NET_ADMIN, so those tests run as root (and fail in CI without it).
 */
class ProbeSocketOptionsTest {

    /** An interface name no host has: the lab prefixes are "kj" + 5 base-36 characters. */
    private static final String MISSING = "kjnosuchif0";

    @Test
    void bindToDeviceIsReadBackOnSocketAndDatagramChannels() throws Exception {
        for (NetworkChannel ch : List.of(SocketChannel.open(StandardProtocolFamily.INET),
                DatagramChannel.open(StandardProtocolFamily.INET6))) {
            try (ch) {
                assertThat(ProbeSocketOptions.boundDevice(ch)).as(ch.getClass().getName()).isEmpty();
                ProbeSocketOptions.bindToDevice(ch, "lo");
                assertThat(ProbeSocketOptions.boundDevice(ch)).as(ch.getClass().getName()).contains("lo");
            }
        }
    }

    @Test
    void markIsReadBackOnSocketAndDatagramChannels() throws Exception {
        requireRoot();
        for (NetworkChannel ch : List.of(SocketChannel.open(StandardProtocolFamily.INET6),
                DatagramChannel.open(StandardProtocolFamily.INET))) {
            try (ch) {
                assertThat(ProbeSocketOptions.mark(ch)).as(ch.getClass().getName()).isZero();
                // Above 2^31: the mark is unsigned, the C int carries its bits.
                ProbeSocketOptions.setMark(ch, 0xdead_beefL);
                assertThat(ProbeSocketOptions.mark(ch)).as(ch.getClass().getName()).isEqualTo(0xdead_beefL);
            }
        }
    }

    @Test
    void applyToSetsBothFromTheTarget() throws Exception {
        requireRoot();
        CheckTarget target = CheckTarget.of(InetAddress.getLoopbackAddress(), 80).withBindInterface("lo").withFwmark(7);
        ProbeSocketOptions options = ProbeSocketOptions.of(target);
        assertThat(options).isEqualTo(new ProbeSocketOptions(Optional.of("lo"), OptionalLong.of(7)));
        for (NetworkChannel ch : List.of(SocketChannel.open(), DatagramChannel.open())) {
            try (ch) {
                options.applyTo(ch);
                assertThat(ProbeSocketOptions.boundDevice(ch)).contains("lo");
                assertThat(ProbeSocketOptions.mark(ch)).isEqualTo(7);
            }
        }
    }

    @Test
    void aTargetWithoutEitherOptionNeedsNoSyscall() throws Exception {
        assertThat(ProbeSocketOptions.of(CheckTarget.of(InetAddress.getLoopbackAddress(), 80)))
                .isSameAs(ProbeSocketOptions.NONE);
        // Not even a descriptor lookup: a channel the JDK does not own would fail one.
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            ProbeSocketOptions.NONE.applyTo(server);
        }
    }

    @Test
    void aMissingInterfaceIsEnodevNamingIt() throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            assertThatThrownBy(() -> ProbeSocketOptions.bindToDevice(ch, MISSING))
                    .isInstanceOfSatisfying(LinuxException.class, e -> assertThat(e.errnoName()).isEqualTo("ENODEV"))
                    .hasMessage("bind_if " + MISSING + ": setsockopt(SO_BINDTODEVICE): ENODEV (19)");
        }
        ProbeSocketOptions options = new ProbeSocketOptions(Optional.of(MISSING), OptionalLong.empty());
        assertThatThrownBy(() -> options.scope(new InetSocketAddress(InetAddress.getByName("fe80::1"), 80)))
                .hasMessage("bind_if " + MISSING + ": if_nametoindex: ENODEV (19)");
    }

    /**
     * Every TCP and UDP checker takes bind_if from its target: the attempt fails at once with
     * the errno as its reason; it neither throws nor probes unbound.
     */
    @Test
    void aMissingInterfaceFailsEveryCheckersAttemptWithThatReason() throws Exception {
        CheckTarget target = CheckTarget.of(InetAddress.getLoopbackAddress(), 9).withBindInterface(MISSING);
        FailureReason expected = new FailureReason.NetworkError(
                "bind_if " + MISSING + ": setsockopt(SO_BINDTODEVICE): ENODEV (19)");
        try (NioEventLoop loop = new NioEventLoop("probe-options-test")) {
            List<Function<Consumer<AttemptOutcome>, Cancellable>> checks = List.of(
                    done -> new TcpChecker(loop).check(new TcpCheck(target, CheckOptions.defaults(CheckType.TCP_CHECK)),
                            done),
                    done -> new HttpGetChecker(loop).check(HttpGetCheck.of(target, UrlCheck.of("/")), done),
                    done -> new HttpGetChecker(loop).check(HttpGetCheck.ssl(target, UrlCheck.of("/")), done),
                    done -> new SmtpChecker(loop).check(SmtpCheck.of(target, "lb1.example"), done),
                    done -> new UdpChecker(loop, new Random(1)).check(UdpCheck.of(target), done),
                    done -> new DnsChecker(loop, new Random(1)).check(DnsCheck.of(target), done));
            for (Function<Consumer<AttemptOutcome>, Cancellable> check : checks) {
                CompletableFuture<AttemptOutcome> outcome = new CompletableFuture<>();
                check.apply(outcome::complete);
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(AttemptOutcome.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(expected));
            }
        }
    }

    @Test
    void aLinkLocalTargetTakesTheScopeOfBindIf() throws Exception {
        InetSocketAddress linkLocal = new InetSocketAddress(InetAddress.getByName("fe80::1"), 80);
        ProbeSocketOptions viaLo = new ProbeSocketOptions(Optional.of("lo"), OptionalLong.empty());

        InetSocketAddress scoped = viaLo.scope(linkLocal);

        assertThat(((Inet6Address) scoped.getAddress()).getScopeId()).isEqualTo(Syscalls.ifNameToIndex("lo"));
        assertThat(scoped.getAddress().getAddress()).isEqualTo(linkLocal.getAddress().getAddress());
        assertThat(scoped.getPort()).isEqualTo(80);
        // Global, IPv4 and already scoped addresses, and no bind_if: left alone.
        InetSocketAddress global = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 80);
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 80);
        InetSocketAddress scopedAlready = new InetSocketAddress(Inet6Address.getByAddress(null,
                linkLocal.getAddress().getAddress(), 4242), 80);
        for (InetSocketAddress a : List.of(global, v4, scopedAlready)) {
            assertThat(viaLo.scope(a)).isSameAs(a);
        }
        assertThat(ProbeSocketOptions.NONE.scope(linkLocal)).isSameAs(linkLocal);
    }

    @Test
    void namesAndMarksTheKernelWouldRefuseAreRejectedUpFront() {
        for (String bad : List.of("", ".", "..", "eth/0", "eth 0", "eth0:1", "abcdefghijklmnop", "ééééééééé")) {
            assertThatThrownBy(() -> ProbeSocketOptions.checkInterfaceName(bad)).as(bad)
                    .hasMessage("bind_if is not an interface name: '" + bad + "'");
            assertThatThrownBy(() -> CheckTarget.of(InetAddress.getLoopbackAddress(), 80).withBindInterface(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        ProbeSocketOptions.checkInterfaceName("abcdefghijklmno");
        ProbeSocketOptions.checkInterfaceName("veth-é");
        for (long bad : new long[] {-1, 0x1_0000_0000L}) {
            assertThatThrownBy(() -> ProbeSocketOptions.NONE.withFwmark(bad))
                    .hasMessage("fwmark out of range 0-4294967295: " + bad);
        }
        assertThat(ProbeSocketOptions.NONE.withFwmark(0xffff_ffffL).fwmark()).hasValue(0xffff_ffffL);
    }

    @Test
    void aChannelTheJdkDoesNotOpenAsAProbeHasNoDescriptorForUs() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            assertThatThrownBy(() -> ProbeSocketOptions.bindToDevice(server, "lo"))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot find the socket descriptor of a sun.nio.ch.ServerSocketChannelImpl");
        }
    }

    private static void requireRoot() {
        String why = "SO_MARK needs CAP_NET_ADMIN: run as root";
        boolean root = "root".equals(System.getProperty("user.name"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(root).as(why).isTrue();
        }
        assumeTrue(root, why);
    }
}
