package io.keepalivedj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A long-running process started inside a lab namespace ({@link Netns#start}). {@code ip netns
 * exec} execs the command, so {@link #pid()} is the command's own pid: signals reach it directly.
 * Its output goes to files (never a pipe that could fill and stall it). Closing stops it.
 */
public final class LabProcess implements AutoCloseable {

    /** How long {@link #stop()} lets SIGTERM work before SIGKILL. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final Netns netns;
    private final List<String> command;
    private final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;

    LabProcess(Netns netns, List<String> command, Process process, Path stdoutFile, Path stderrFile) {
        this.netns = Objects.requireNonNull(netns, "netns");
        this.command = List.copyOf(command);
        this.process = Objects.requireNonNull(process, "process");
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    /** The process id (the command's, as {@code ip netns exec} execs it). */
    public long pid() {
        return process.pid();
    }

    /** The namespace it runs in. */
    public Netns netns() {
        return netns;
    }

    /** The command as given (without the {@code ip netns exec NS} prefix). */
    public List<String> command() {
        return command;
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code max}; the exit status if it has exited by then. */
    public OptionalInt waitFor(Duration max) {
        return Commands.awaitExit(process.toHandle(), max) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
    public int stop() {
        return stop(DEFAULT_GRACE);
    }

    /**
     * SIGTERM, then SIGKILL if it has not exited within {@code grace}; waits for it.
     *
     * @return the exit status (143 = ended by SIGTERM without handling it, 137 = SIGKILL)
     */
    public int stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            if (!Commands.awaitExit(process.toHandle(), grace)) {
                process.destroyForcibly();
            }
        }
        return awaitGone();
    }

    /** SIGKILL (a crash: no chance to clean up); waits for it. Returns the exit status (137). */
    public int kill() {
        process.destroyForcibly();
        return awaitGone();
    }

    private int awaitGone() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for pid " + pid(), e);
        }
    }

    /** What it wrote to stdout so far. */
    public String stdout() {
        return read(stdoutFile);
    }

    /** What it wrote to stderr so far. */
    public String stderr() {
        return read(stderrFile);
    }

    /** The file its stdout goes to. */
    public Path stdoutFile() {
        return stdoutFile;
    }

    /** The file its stderr goes to. */
    public Path stderrFile() {
        return stderrFile;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops it ({@link #stop()}). */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "LabProcess[pid " + pid() + " in " + netns.name() + ": " + String.join(" ", command) + "]";
    }
}
