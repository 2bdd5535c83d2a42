package io.keepalivedj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@link HostProbe} on this machine: /proc, PATH and the file system, read-only. */
public final class LocalHostProbe implements HostProbe {

    /** Appended to PATH when searching: a non-root PATH often lacks them, yet ip and modprobe live there. */
    private static final List<String> SBIN_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    @Override
    public long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // "Uid:\treal\teffective\tsaved\tfs" (proc(5))
                    String[] f = line.substring(4).trim().split("\\s+");
                    return Long.parseLong(f.length > 1 ? f[1] : f[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public Optional<Path> onPath(String command) {
        return findExecutable(command, env().getOrDefault("PATH", ""));
    }

    /** Searches {@code path} (colon-separated) and then the sbin directories for an executable. */
    static Optional<Path> findExecutable(String command, String path) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : path.split(":")) {
            if (!d.isEmpty()) {
                dirs.add(d);
            }
        }
        dirs.addAll(SBIN_DIRS);
        for (String d : dirs) {
            Path p = Path.of(d, command);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean isReadable(Path path) {
        return Files.isReadable(path);
    }

    @Override
    public boolean isWritableDirectory(Path path) {
        return Files.isDirectory(path) && Files.isWritable(path);
    }

    @Override
    public List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }

    @Override
    public Map<String, String> env() {
        return System.getenv();
    }
}
