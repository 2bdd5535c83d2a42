package io.keepalivedj.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A host described by hand: uid, commands on PATH, readable files, directory listings, env. */
final class FakeHostProbe implements HostProbe {
    long uid = 1000;
    final Set<String> commands = new HashSet<>();
    final Set<Path> readable = new HashSet<>();
    final Set<Path> writableDirs = new HashSet<>();
    final Map<Path, List<String>> dirs = new HashMap<>();
    final Map<String, String> env = new HashMap<>();

    /** A root host with everything both tiers need, kernel 6.1.0-50-amd64. */
    static FakeHostProbe complete() {
        FakeHostProbe h = new FakeHostProbe();
        h.uid = 0;
        h.commands.addAll(List.of("ip", "keepalived", "ping", "tcpdump", "python3", "qemu-system-x86_64", "busybox", "setpriv"));
        h.writableDirs.add(Path.of("/var/run"));
        h.readable.add(Path.of("/bin/bash"));
        h.addKernel("6.1.0-50-amd64", true, true);
        return h;
    }

    void addKernel(String version, boolean imageReadable, boolean ipvs) {
        dirs.merge(Path.of("/boot"), List.of("vmlinuz-" + version, "config-" + version),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        if (imageReadable) {
            readable.add(Path.of("/boot/vmlinuz-" + version));
        }
        readable.add(Path.of("/lib/modules/" + version + "/modules.dep"));
        dirs.put(Path.of("/lib/modules/" + version + "/kernel/net/netfilter/ipvs"),
                ipvs ? List.of("ip_vs.ko", "ip_vs_rr.ko") : List.of());
    }

    @Override
    public long effectiveUid() {
        return uid;
    }

    @Override
    public Optional<Path> onPath(String command) {
        return commands.contains(command) ? Optional.of(Path.of("/usr/bin", command)) : Optional.empty();
    }

    @Override
    public boolean isReadable(Path path) {
        return readable.contains(path);
    }

    @Override
    public boolean isWritableDirectory(Path path) {
        return writableDirs.contains(path);
    }

    @Override
    public List<String> list(Path dir) {
        return dirs.getOrDefault(dir, List.of());
    }

    @Override
    public Map<String, String> env() {
        return env;
    }
}
