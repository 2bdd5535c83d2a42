package io.keepalivedj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away set of network namespaces for one test (DESIGN.md "Namespace test"). Every
 * namespace is named {@code PREFIX-node} with a prefix unique to this lab, links are created
 * directly inside the namespaces, bridges live in a namespace of their own: nothing is added to
 * the root namespace. {@link #close()} ends every process still inside the lab (by pid, from
 * {@code ip netns pids}) and deletes the namespaces; a JVM shutdown hook does the same for a lab
 * a crashed test never closed, and a lab whose JVM was SIGKILLed is removed by the next
 * {@link #create()} on the host.
 *
 * <pre>{@code
 * try (NetnsLab lab = NetnsLab.create()) {
 *     SeedTopology seed = lab.seedTopology();
 *     seed.client().netns().exec("ping", "-c1", "192.0.2.2").orThrow("ping");
 * }
 * }</pre>
 */
public final class NetnsLab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NetnsLab.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<NetnsLab> OPEN = ConcurrentHashMap.newKeySet();
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(NetnsLab::closeQuietly),
                "netns-lab-cleanup"));
    }

    private final String prefix;
    private final Path workDir;
    /** Creation order; close() deletes in reverse. */
    private final Map<String, Netns> namespaces = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<LabProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger logCounter = new AtomicInteger();
    private volatile boolean closed;

    private NetnsLab(String prefix, Path workDir) {
        this.prefix = prefix;
        this.workDir = workDir;
    }

    /**
     * A new, empty lab with a fresh prefix: "kj", four random base-36 characters and a per-JVM
     * counter, so concurrent JVMs and several labs per JVM never share a namespace.
     */
    public static NetnsLab create() {
        LabRegistry.sweepStale();
        StringBuilder p = new StringBuilder("kj");
        for (int i = 0; i < 4; i++) {
            p.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        p.append(Integer.toString(COUNTER.incrementAndGet(), 36));
        String prefix = p.toString();
        Path dir;
        try {
            dir = Files.createTempDirectory("keepalivedj-lab-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NetnsLab lab = new NetnsLab(prefix, dir);
        LabRegistry.register(prefix);
        OPEN.add(lab);
        return lab;
    }

    /** Whether {@code s} has the shape of a prefix made by {@link #create()}. */
    static boolean isLabPrefix(String s) {
        return s.matches("kj[0-9a-z]{5,}");
    }

    /** This lab's namespace-name prefix. */
    public String prefix() {
        return prefix;
    }

    /** A private directory for this lab's files (process logs, configs); deleted on close. */
    public Path workDir() {
        return workDir;
    }

    /** The lab's namespaces, in creation order. */
    public List<Netns> namespaces() {
        synchronized (namespaces) {
            return List.copyOf(namespaces.values());
        }
    }

    /**
     * Creates namespace {@code PREFIX-node} with lo up, IPv6 DAD off (addresses, including the
     * link-local that VRRPv3 sends from, usable at once) and router solicitations off (quiet captures).
     */
    public Netns addNamespace(String node) {
        if (node == null || !node.matches("[a-z0-9_]{1,20}")) {
            throw new IllegalArgumentException("node name must be 1..20 of [a-z0-9_]: " + node);
        }
        checkOpen();
        String name = prefix + "-" + node;
        if (namespaces.containsKey(name)) {
            throw new IllegalArgumentException("namespace " + name + " exists in this lab");
        }
        Commands.run(List.of("ip", "netns", "add", name), Netns.IP_TIMEOUT).orThrow("ip netns add " + name);
        Netns ns = new Netns(this, name);
        namespaces.put(name, ns);
        ns.ip("link", "set", "dev", "lo", "up");
        // one shell instead of five ip-netns-exec round trips
        ns.exec(List.of("sh", "-c", String.join(" && ",
                "echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad",
                "echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad",
                "echo 0 > /proc/sys/net/ipv6/conf/all/router_solicitations",
                "echo 0 > /proc/sys/net/ipv6/conf/default/router_solicitations")))
                .orThrow("IPv6 sysctls in " + name);
        return ns;
    }

    /**
     * A bridge {@code bridgeName} in a new namespace {@code PREFIX-node}: STP off, forward delay
     * 0 (ports forward at once), multicast snooping off (VRRP multicast must reach every port).
     */
    public Bridge addBridge(String node, String bridgeName) {
        Netns ns = addNamespace(node);
        InterfaceName.check(bridgeName);
        ns.ip("link", "add", "name", bridgeName, "type", "bridge",
                "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0");
        ns.ip("link", "set", "dev", bridgeName, "up");
        return new Bridge(ns, bridgeName);
    }

    /**
     * A veth pair: {@code ifA} in {@code a}, {@code ifB} in {@code b}, both down. Made inside
     * {@code a} with the peer placed straight into {@code b}, never passing the root namespace.
     */
    public void addVeth(Netns a, String ifA, Netns b, String ifB) {
        owned(a);
        owned(b);
        // "name"/"dev" spelled out: iproute2 reads a bare first word as "address"/"broadcast"
        a.ip("link", "add", "name", InterfaceName.check(ifA), "type", "veth",
                "peer", "name", InterfaceName.check(ifB), "netns", b.name());
    }

    /**
     * Plugs {@code node} into {@code bridge}: a veth with {@code ifName} in the node and
     * {@code portName} as the bridge port, both up.
     */
    public void attach(Netns node, String ifName, Bridge bridge, String portName) {
        addVeth(node, ifName, bridge.netns(), portName);
        bridge.netns().ip("link", "set", "dev", portName, "master", bridge.name());
        bridge.netns().linkUp(portName);
        node.linkUp(ifName);
    }

    /**
     * The reference segment ({@link SeedTopology}): namespaces PREFIX-br, -client, -lb1, -lb2,
     * -rs1, -rs2, bridge br0, eth1 in each node with its fixed MAC and addresses.
     */
    public SeedTopology seedTopology() {
        Bridge br = addBridge("br", "br0");
        // no addresses on the bridge's own segment side: IPv6 off there keeps captures quiet
        br.netns().sysctl("net.ipv6.conf.all.disable_ipv6", "1");
        Map<String, SeedTopology.Node> nodes = new LinkedHashMap<>();
        for (var e : SeedTopology.LAYOUT) {
            String n = e.getKey();
            int host = e.getValue();
            Netns ns = addNamespace(n);
            String mac = String.format("02:00:5e:c0:02:%02x", host);
            addVeth(ns, SeedTopology.INTERFACE, br.netns(), n);
            ns.setMac(SeedTopology.INTERFACE, mac);
            br.netns().ip("link", "set", "dev", n, "master", br.name());
            br.netns().linkUp(n);
            ns.linkUp(SeedTopology.INTERFACE);
            LabAddress v4 = LabAddress.parse("192.0.2." + host + "/24");
            LabAddress v6 = LabAddress.parse("2001:db8::" + Integer.toHexString(host) + "/64");
            ns.addAddress(SeedTopology.INTERFACE, v4);
            ns.addAddress(SeedTopology.INTERFACE, v6);
            nodes.put(n, new SeedTopology.Node(n, ns, SeedTopology.INTERFACE, v4, v6, mac));
        }
        return new SeedTopology(br, nodes);
    }

    /**
     * Ends every process in the lab (the ones started through it first, then whatever else
     * {@code ip netns pids} finds: SIGTERM, SIGKILL after 2 s), deletes every namespace and the
     * work directory. Idempotent. Throws, after trying everything, if something could not be removed.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> problems = new ArrayList<>();
        synchronized (processes) {
            for (LabProcess p : processes) {
                try {
                    p.stop(STOP_GRACE);
                } catch (RuntimeException e) {
                    problems.add("stop " + p + ": " + e);
                }
            }
        }
        List<Netns> all = new ArrayList<>(namespaces());
        Collections.reverse(all);
        for (Netns ns : all) {
            destroyNamespace(ns.name(), problems);
        }
        List<String> left = listNamespaces().stream().filter(n -> n.startsWith(prefix + "-")).toList();
        if (!left.isEmpty()) {
            problems.add("namespaces left behind: " + left);
        }
        deleteTree(workDir, problems);
        LabRegistry.unregister(prefix);
        OPEN.remove(this);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("lab " + prefix + " not fully removed: " + String.join("; ", problems));
        }
    }

    /** Ends the processes inside namespace {@code name} by pid, then deletes it; appends what failed. */
    static void destroyNamespace(String name, List<String> problems) {
        try {
            ProcessResult pids = Commands.run(List.of("ip", "netns", "pids", name), Netns.IP_TIMEOUT);
            for (String s : pids.stdout().split("\\s+")) {
                if (!s.isEmpty() && !Commands.terminate(Long.parseLong(s), STOP_GRACE)) {
                    problems.add("pid " + s + " in " + name + " survived SIGKILL");
                }
            }
            ProcessResult del = Commands.run(List.of("ip", "netns", "del", name), Netns.IP_TIMEOUT);
            if (!del.succeeded() && listNamespaces().contains(name)) {
                problems.add("ip netns del " + name + ": " + del.stderr().strip());
            }
        } catch (RuntimeException e) {
            problems.add("remove " + name + ": " + e);
        }
    }

    /** Names from {@code ip netns list} ("name (id: 3)" lines). */
    static List<String> listNamespaces() {
        String out = Commands.run(List.of("ip", "netns", "list"), Netns.IP_TIMEOUT).orThrow("ip netns list").stdout();
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (!t.isEmpty()) {
                names.add(t.split("\\s+")[0]);
            }
        }
        return names;
    }

    LabProcess track(LabProcess p) {
        processes.add(p);
        return p;
    }

    Path newLogFile(String ns, String kind) {
        return workDir.resolve(ns + "-" + logCounter.incrementAndGet() + "." + kind);
    }

    private void owned(Netns ns) {
        checkOpen();
        if (namespaces.get(ns.name()) != ns) {
            throw new IllegalArgumentException(ns + " is not a namespace of lab " + prefix);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("lab " + prefix + " is closed");
        }
    }

    private static void closeQuietly(NetnsLab lab) {
        try {
            lab.close();
        } catch (RuntimeException e) {
            LOG.warn("cleanup of lab {} at JVM exit: {}", lab.prefix, e.getMessage());
        }
    }

    static void deleteTree(Path dir, List<String> problems) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            problems.add("delete " + dir + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "NetnsLab[" + prefix + ", " + namespaces.keySet() + "]";
    }
}
