package io.keepalivedj.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tcpdump recording one interface of a lab namespace into a pcap file in the lab's work
 * directory: {@code tcpdump -i IF -w FILE -U --immediate-mode -s 0 -Z root [FILTER]}, started
 * through {@link Netns#start} so it is stopped by its pid (and by the lab's close() at the
 * latest). {@link #start} returns once tcpdump reports "listening on", so nothing sent afterwards
 * is missed. While it runs, {@link #awaitFrames} polls the file (-U writes each packet as it is
 * captured); {@link #stop()} ends it and reads the whole file with {@link PcapReader}.
 *
 * <pre>{@code
 * try (PacketCapture cap = PacketCapture.onBridge(seed.bridge(), "arp or ip proto 112")) {
 *     cap.awaitFrames(f -> FrameClassifier.vrrp(f).isPresent(), 3, Duration.ofSeconds(10));
 *     List<CapturedFrame> all = cap.stop();
 * }
 * }</pre>
 */
public final class PacketCapture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PacketCapture.class);
    /** How long tcpdump may take to open the interface. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    /** tcpdump's last words on stderr at exit ("N packets dropped by kernel"). */
    private static final Pattern DROPPED = Pattern.compile("(?m)^(\\d+) packets? dropped by kernel");

    private final LabProcess tcpdump;
    private final Path file;
    private final String ifName;
    private List<CapturedFrame> finalFrames;
    private OptionalLong droppedByKernel = OptionalLong.empty();

    private PacketCapture(LabProcess tcpdump, Path file, String ifName) {
        this.tcpdump = tcpdump;
        this.file = file;
        this.ifName = ifName;
    }

    /**
     * Starts capturing on {@code ifName} in {@code netns} and waits until tcpdump listens.
     *
     * @param filter a pcap-filter(7) expression, or "" for every frame
     * @throws IllegalStateException if tcpdump exits (bad filter, no such interface) or does not listen in time
     */
    public static PacketCapture start(Netns netns, String ifName, String filter) {
        Objects.requireNonNull(netns, "netns");
        InterfaceName.check(ifName);
        Objects.requireNonNull(filter, "filter");
        Path file = netns.lab().newLogFile(netns.name() + "-" + ifName, "pcap");
        List<String> argv = new ArrayList<>(List.of("tcpdump", "-i", ifName, "-w", file.toString(),
                // -U: write each packet out as it arrives, so awaitFrames sees it; --immediate-mode:
                // no kernel-side batching delay; -s 0: whole frames; -Z root: Debian's tcpdump would
                // otherwise drop to user tcpdump, which cannot write into the lab's root-only directory
                "-U", "--immediate-mode", "-s", "0", "-Z", "root"));
        if (!filter.isBlank()) {
            argv.add(filter);
        }
        LabProcess p = netns.start(argv);
        PacketCapture capture = new PacketCapture(p, file, ifName);
        capture.awaitListening();
        return capture;
    }

    /** {@link #start} on the bridge device itself: it sees every frame on the segment (tcpdump makes it promiscuous). */
    public static PacketCapture onBridge(Bridge bridge, String filter) {
        return start(bridge.netns(), bridge.name(), filter);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!tcpdump.stderr().contains("listening on")) {
            if (!tcpdump.isAlive()) {
                int rc = tcpdump.waitFor(Duration.ofSeconds(1)).orElse(-1);
                throw new IllegalStateException("tcpdump on " + where() + " exited with status " + rc
                        + " before listening: " + tcpdump.stderr().strip());
            }
            if (System.nanoTime() > deadline) {
                tcpdump.stop();
                throw new IllegalStateException("tcpdump on " + where() + " not listening after "
                        + START_TIMEOUT.toMillis() + " ms: " + tcpdump.stderr().strip());
            }
            sleep();
        }
    }

    /** The pcap file (in the lab's work directory: gone when the lab closes). */
    public Path file() {
        return file;
    }

    /** Whether tcpdump still runs. */
    public boolean isRunning() {
        return finalFrames == null && tcpdump.isAlive();
    }

    /** The frames captured so far (while running: those already written to the file). */
    public List<CapturedFrame> frames() {
        if (finalFrames != null) {
            return finalFrames;
        }
        // tcpdump creates the file when it opens it for writing: absent means nothing captured yet
        return Files.exists(file) ? PcapReader.readGrowing(file) : List.of();
    }

    /**
     * Waits until {@code count} captured frames match {@code predicate} and returns the first
     * {@code count} of them, oldest first.
     *
     * @throws IllegalStateException when {@code timeout} passes first, or tcpdump is gone (the message says how many matched)
     */
    public List<CapturedFrame> awaitFrames(Predicate<CapturedFrame> predicate, int count, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ended = !isRunning();
            List<CapturedFrame> all = frames();
            List<CapturedFrame> matching = all.stream().filter(predicate).limit(count).toList();
            if (matching.size() == count) {
                return matching;
            }
            if (ended || System.nanoTime() > deadline) {
                throw new IllegalStateException((ended ? "capture on " + where() + " has ended" : "timed out after "
                        + timeout.toMillis() + " ms") + " with " + matching.size() + " of " + count
                        + " matching frames (" + all.size() + " captured)");
            }
            sleep();
        }
    }

    /**
     * Stops tcpdump (SIGTERM: it flushes and exits 0) and returns every captured frame. Idempotent.
     *
     * @throws IllegalStateException if tcpdump had failed (non-zero exit), with its stderr
     */
    public List<CapturedFrame> stop() {
        if (finalFrames != null) {
            return finalFrames;
        }
        int rc = tcpdump.stop();
        String err = tcpdump.stderr();
        // a tcpdump that died by itself has exited with its own status; SIGTERM is handled: exit 0
        if (rc != 0) {
            throw new IllegalStateException("tcpdump on " + where() + " ended with status " + rc + ": " + err.strip());
        }
        Matcher m = DROPPED.matcher(err);
        if (m.find()) {
            droppedByKernel = OptionalLong.of(Long.parseLong(m.group(1)));
            if (droppedByKernel.getAsLong() > 0) {
                LOG.warn("tcpdump on {} lost {} packets (kernel drops): timings from this capture have gaps",
                        where(), droppedByKernel.getAsLong());
            }
        }
        finalFrames = PcapReader.read(file);
        return finalFrames;
    }

    /** After {@link #stop()}: how many packets the kernel dropped before tcpdump read them, as tcpdump reported. */
    public OptionalLong droppedByKernel() {
        return droppedByKernel;
    }

    /** Stops tcpdump if it still runs, without reading the file. */
    @Override
    public void close() {
        if (tcpdump.isAlive()) {
            tcpdump.stop();
        }
    }

    private String where() {
        return ifName + " in " + tcpdump.netns().name();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "PacketCapture[" + where() + " -> " + file + "]";
    }
}
