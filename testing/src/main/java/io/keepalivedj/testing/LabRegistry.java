package io.keepalivedj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Markers of live labs under /run/keepalivedj-testing/labs: one file per lab prefix holding the
 * owning JVM's pid and start time. A JVM that was SIGKILLed (surefire's fork timeout) cannot close
 * its labs; the next lab created on this host finds its marker with a dead owner and removes
 * exactly that lab's namespaces ("PREFIX-*"), nothing else.
 */
final class LabRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(LabRegistry.class);
    static final Path DIR = Path.of("/run/keepalivedj-testing/labs");

    private LabRegistry() {
    }

    static void register(String prefix) {
        ProcessHandle self = ProcessHandle.current();
        String owner = self.pid() + " " + self.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("?");
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(prefix), owner + "\n");
        } catch (IOException e) {
            LOG.warn("cannot write lab marker {}: {} (stale-lab cleanup disabled for it)", DIR.resolve(prefix), e.toString());
        }
    }

    static void unregister(String prefix) {
        try {
            Files.deleteIfExists(DIR.resolve(prefix));
        } catch (IOException e) {
            LOG.warn("cannot remove lab marker {}: {}", DIR.resolve(prefix), e.toString());
        }
    }

    /** Removes the labs whose owner JVM is gone. */
    static void sweepStale() {
        List<Path> markers;
        try (Stream<Path> s = Files.list(DIR)) {
            markers = s.toList();
        } catch (IOException e) {
            return; // no directory: no lab ever registered here
        }
        for (Path m : markers) {
            String prefix = m.getFileName().toString();
            if (!NetnsLab.isLabPrefix(prefix) || ownerAlive(m)) {
                continue;
            }
            LOG.info("removing stale lab {} (its JVM is gone)", prefix);
            for (String ns : namespacesWithPrefix(prefix)) {
                NetnsLab.destroyNamespace(ns, new ArrayList<>());
            }
            unregister(prefix);
        }
    }

    private static boolean ownerAlive(Path marker) {
        try {
            String[] f = Files.readString(marker).trim().split("\\s+");
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(f[0]));
            if (h.isEmpty()) {
                return false;
            }
            String start = h.get().info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("?");
            return f.length < 2 || f[1].equals("?") || f[1].equals(start);
        } catch (IOException | RuntimeException e) {
            return true; // unreadable marker: not provably stale, leave it
        }
    }

    static List<String> namespacesWithPrefix(String prefix) {
        return NetnsLab.listNamespaces().stream().filter(n -> n.startsWith(prefix + "-")).toList();
    }
}
