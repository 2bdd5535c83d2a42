package io.keepalivedj.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What each tier needs from the host, each with the command that provides it on Debian 12.
 * The lists name what {@link NetnsLab}, {@link KeepalivedPeer} and {@link KernelVm} execute, so a
 * missing tool shows up here, not as an obscure IOException in the middle of a test.
 */
public final class TierPrerequisites {

    static final Path NETNS_RUN_DIR = Path.of("/var/run/netns");

    private TierPrerequisites() {
    }

    /** The prerequisites of {@code tier}, probed on {@code host}. */
    public static List<Prerequisite> of(Tier tier, HostProbe host) {
        return switch (tier) {
            case NETNS -> netns(host);
            case KERNEL_VM -> kernelVm(host);
        };
    }

    /**
     * Root, iproute2, a creatable /var/run/netns, keepalived (the VRRP peer), ping, tcpdump
     * ({@link PacketCapture}) and python3 (small TCP/UDP servers inside test namespaces).
     */
    public static List<Prerequisite> netns(HostProbe host) {
        long uid = host.effectiveUid();
        return List.of(
                Prerequisite.of(uid == 0, "root (effective uid 0)",
                        "run the netns tier as root, e.g. sudo bin/test",
                        uid < 0 ? "uid unknown: /proc/self/status unreadable" : "running as uid " + uid),
                onPath(host, "ip", "apt-get install iproute2"),
                netnsDirCreatable(host),
                onPath(host, "keepalived", "apt-get install keepalived"),
                onPath(host, "ping", "apt-get install iputils-ping"),
                onPath(host, "tcpdump", "apt-get install tcpdump"),
                onPath(host, "python3", "apt-get install python3"));
    }

    /**
     * qemu, a Debian kernel with IPVS modules, busybox for the initramfs and setpriv for the
     * parent-death signal that keeps qemu from outliving the JVM. No root, no /dev/kvm: TCG works.
     */
    public static List<Prerequisite> kernelVm(HostProbe host) {
        Optional<GuestKernel> kernel = GuestKernel.find(host);
        return List.of(
                onPath(host, "qemu-system-x86_64", "apt-get install qemu-system-x86"),
                Prerequisite.of(kernel.isPresent(),
                        "a readable /boot/vmlinuz-* whose /lib/modules/<version> has ip_vs.ko",
                        "apt-get install linux-image-amd64 (and make /boot/vmlinuz-* readable: it is 0600 on some systems)",
                        "found: " + host.list(GuestKernel.BOOT).stream().filter(n -> n.startsWith("vmlinuz-")).toList()),
                onPath(host, "busybox", "apt-get install busybox-static (busybox works too)"),
                onPath(host, "setpriv", "apt-get install util-linux"),
                Prerequisite.of(host.isReadable(Path.of("/bin/bash")), "/bin/bash (runs the guest's stage 2)",
                        "apt-get install bash", "not readable"));
    }

    private static Prerequisite onPath(HostProbe host, String command, String remedy) {
        return Prerequisite.of(host.onPath(command).isPresent(), command + " on PATH", remedy,
                "not found on PATH or in the sbin directories");
    }

    /** ip netns add makes /var/run/netns itself when missing: /var/run (or it) must be writable. */
    private static Prerequisite netnsDirCreatable(HostProbe host) {
        boolean ok = host.isWritableDirectory(NETNS_RUN_DIR) || host.isWritableDirectory(NETNS_RUN_DIR.getParent());
        return Prerequisite.of(ok, NETNS_RUN_DIR + " creatable",
                "run as root with a writable /run (ip netns add creates /var/run/netns)",
                "neither " + NETNS_RUN_DIR + " nor " + NETNS_RUN_DIR.getParent() + " is a writable directory");
    }
}
