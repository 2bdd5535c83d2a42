package io.keepalivedj.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tier prerequisites ask of the host, behind an interface so the decision logic is
 * unit-tested with a fake host (no root, no qemu). {@link LocalHostProbe} asks the real one.
 */
public interface HostProbe {

    /** Effective uid of this process (the second "Uid:" field of /proc/self/status), or -1 if unknown. */
    long effectiveUid();

    /** The executable {@code command} on PATH, the sbin directories included (root's tools live there). */
    Optional<Path> onPath(String command);

    /** Whether {@code path} exists and this process may read it. */
    boolean isReadable(Path path);

    /** Whether {@code path} is a directory this process may create entries in. */
    boolean isWritableDirectory(Path path);

    /** Names of the entries of directory {@code dir}; empty when it is absent or unreadable. */
    List<String> list(Path dir);

    /** The process environment. */
    Map<String, String> env();
}
