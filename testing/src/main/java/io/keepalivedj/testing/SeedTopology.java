package io.keepalivedj.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference scenario's segment (DESIGN.md; the netns-lab's layout): client, lb1, lb2, rs1,
 * rs2, each in its own namespace with interface {@code eth1} (so keepalived's
 * {@code interface eth1} works unchanged), on one bridge {@code br0} in the bridge namespace
 * whose ports are named after the nodes. MACs are fixed, so IPv6 link-local addresses are too.
 * The VIP is not configured: it belongs to VRRP.
 *
 * @param bridge the segment
 * @param nodes  node name to node, in the order client, lb1, lb2, rs1, rs2
 */
public record SeedTopology(Bridge bridge, Map<String, Node> nodes) {

    /** The interface name inside every node namespace. */
    public static final String INTERFACE = "eth1";
    /** The virtual IPv4 address of the reference scenario. */
    public static final LabAddress VIP4 = LabAddress.parse("192.0.2.1/32");
    /** The virtual IPv6 address of the reference scenario. */
    public static final LabAddress VIP6 = LabAddress.parse("2001:db8::1/128");
    /** Node names and their host number (last IPv4 octet, last IPv6 group, last MAC byte). */
    static final List<Map.Entry<String, Integer>> LAYOUT = List.of(
            Map.entry("client", 10), Map.entry("lb1", 2), Map.entry("lb2", 3), Map.entry("rs1", 5), Map.entry("rs2", 6));

    public SeedTopology {
        Objects.requireNonNull(bridge, "bridge");
        nodes = Map.copyOf(nodes);
        for (var e : LAYOUT) {
            if (!nodes.containsKey(e.getKey())) {
                throw new IllegalArgumentException("seed topology lacks node " + e.getKey());
            }
        }
    }

    /**
     * One host on the segment.
     *
     * @param name   client, lb1, lb2, rs1 or rs2
     * @param netns  its namespace
     * @param ifName its interface (eth1)
     * @param ipv4   e.g. 192.0.2.2/24
     * @param ipv6   e.g. 2001:db8::2/64
     * @param mac    e.g. 02:00:5e:c0:02:02
     */
    public record Node(String name, Netns netns, String ifName, LabAddress ipv4, LabAddress ipv6, String mac) {
        public Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(netns, "netns");
            InterfaceName.check(ifName);
            Objects.requireNonNull(ipv4, "ipv4");
            Objects.requireNonNull(ipv6, "ipv6");
            Objects.requireNonNull(mac, "mac");
            if (ipv4.isIpv6() || !ipv6.isIpv6()) {
                throw new IllegalArgumentException("ipv4/ipv6 swapped for " + name);
            }
        }
    }

    /** The node called {@code name}. */
    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name + " (have " + nodes.keySet() + ")");
        }
        return n;
    }

    /** client: 192.0.2.10. */
    public Node client() {
        return node("client");
    }

    /** lb1: 192.0.2.2, the first load balancer. */
    public Node lb1() {
        return node("lb1");
    }

    /** lb2: 192.0.2.3, the second load balancer. */
    public Node lb2() {
        return node("lb2");
    }

    /** rs1: 192.0.2.5, the first real server. */
    public Node rs1() {
        return node("rs1");
    }

    /** rs2: 192.0.2.6, the second real server. */
    public Node rs2() {
        return node("rs2");
    }
}
