package io.keepalivedj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One network namespace of a {@link NetnsLab}. Everything here runs through {@code ip -n NAME}
 * or {@code ip netns exec NAME}, so nothing can land in the root namespace by accident.
 * Made by {@link NetnsLab#addNamespace}; deleted by the lab's close().
 */
public final class Netns {

    /** Budget of a command run with {@link #exec(List)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Budget of one {@code ip} configuration command. */
    static final Duration IP_TIMEOUT = Duration.ofSeconds(10);

    private final NetnsLab lab;
    private final String name;

    Netns(NetnsLab lab, String name) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The lab this namespace belongs to. */
    NetnsLab lab() {
        return lab;
    }

    /** The namespace name, as {@code ip netns list} shows it (lab prefix + "-" + node). */
    public String name() {
        return name;
    }

    /** {@link #exec(Duration, List)} with {@link #DEFAULT_TIMEOUT}. */
    public ProcessResult exec(List<String> command) {
        return exec(DEFAULT_TIMEOUT, command);
    }

    /** {@link #exec(List)} of the arguments. */
    public ProcessResult exec(String... command) {
        return exec(List.of(command));
    }

    /**
     * Runs {@code command} inside this namespace to completion, stdin /dev/null.
     *
     * @throws CommandTimeoutException if it runs longer than {@code timeout} (it is killed first)
     */
    public ProcessResult exec(Duration timeout, List<String> command) {
        return Commands.run(inNamespace(command), timeout);
    }

    /** Runs {@code ip -n NAME ARGS...} and throws if it fails. */
    public ProcessResult ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        return Commands.run(argv, IP_TIMEOUT).orThrow(String.join(" ", argv));
    }

    /**
     * Starts {@code command} inside this namespace in the background, output to files in the lab's
     * work directory. The lab stops it on close if the test has not.
     */
    public LabProcess start(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Path out = lab.newLogFile(name, "out");
        Path err = lab.newLogFile(name, "err");
        try {
            Process p = new ProcessBuilder(inNamespace(command))
                    .redirectInput(Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return lab.track(new LabProcess(this, command, p, out, err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + " in " + name, e);
        }
    }

    /** {@link #start(List)} of the arguments. */
    public LabProcess start(String... command) {
        return start(List.of(command));
    }

    /**
     * Writes a sysctl of this namespace, e.g. {@code sysctl("net.ipv4.conf.eth1.arp_ignore", "1")}.
     * Through /proc/sys, from a shell inside the namespace (/proc/sys/net is per namespace, and the
     * JVM itself lives in the root one). Interface names with dots: pass the key with slashes.
     */
    public void sysctl(String key, String value) {
        String path = sysctlPath(key);
        Objects.requireNonNull(value, "value");
        exec(List.of("sh", "-c", "printf '%s\\n' \"$1\" > \"$2\"", "sh", value, path)).orThrow("sysctl " + key + "=" + value + " in " + name);
    }

    /** Reads a sysctl of this namespace. */
    public String sysctl(String key) {
        return exec(List.of("cat", sysctlPath(key))).orThrow("read sysctl " + key + " in " + name).stdout().strip();
    }

    static String sysctlPath(String key) {
        if (key == null || !key.matches("[A-Za-z0-9_./-]+") || key.contains("..")) {
            throw new IllegalArgumentException("bad sysctl key: " + key);
        }
        return "/proc/sys/" + (key.contains("/") ? key : key.replace('.', '/'));
    }

    /** {@code ip addr add ADDR dev IF}; IPv6 with {@code nodad} so the address is usable at once. */
    public void addAddress(String ifName, LabAddress address) {
        InterfaceName.check(ifName);
        if (address.isIpv6()) {
            ip("-6", "addr", "add", address.toString(), "dev", ifName, "nodad");
        } else {
            ip("addr", "add", address.toString(), "dev", ifName);
        }
    }

    /** {@link #addAddress(String, LabAddress)} of "192.0.2.2/24" etc. (lab ranges only). */
    public void addAddress(String ifName, String cidr) {
        addAddress(ifName, LabAddress.parse(cidr));
    }

    /** {@code ip addr del ADDR dev IF}. */
    public void deleteAddress(String ifName, LabAddress address) {
        ip("addr", "del", address.toString(), "dev", InterfaceName.check(ifName));
    }

    /** Whether {@code ifName} currently has {@code host} (e.g. a VIP) as an address. */
    public boolean hasAddress(String ifName, String host) {
        String out = ip("-o", "addr", "show", "dev", InterfaceName.check(ifName)).stdout();
        String needle = LabAddress.parse(host).host();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if ((f[i].equals("inet") || f[i].equals("inet6")) && f[i + 1].startsWith(needle + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code ip link set dev IF up}. */
    public void linkUp(String ifName) {
        ip("link", "set", "dev", InterfaceName.check(ifName), "up");
    }

    /** {@code ip link set dev IF down} (keepalived sees the carrier loss: FAULT). */
    public void linkDown(String ifName) {
        ip("link", "set", "dev", InterfaceName.check(ifName), "down");
    }

    /** {@code ip link set dev IF address MAC}. */
    public void setMac(String ifName, String mac) {
        if (mac == null || !mac.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            throw new IllegalArgumentException("bad MAC address: " + mac);
        }
        ip("link", "set", "dev", InterfaceName.check(ifName), "address", mac);
    }

    /** Pids of every process in this namespace ({@code ip netns pids}). */
    public List<Long> pids() {
        String out = Commands.run(List.of("ip", "netns", "pids", name), IP_TIMEOUT).orThrow("ip netns pids " + name).stdout();
        List<Long> pids = new ArrayList<>();
        for (String s : out.split("\\s+")) {
            if (!s.isEmpty()) {
                pids.add(Long.parseLong(s));
            }
        }
        return pids;
    }

    private List<String> inNamespace(List<String> command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name));
        argv.addAll(command);
        return argv;
    }

    @Override
    public String toString() {
        return "Netns[" + name + "]";
    }
}
