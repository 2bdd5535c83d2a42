package io.keepalivedj.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion with a time budget (ProcessBuilder, no shell), and ends processes
 * by pid: the only two ways this module touches processes, so "stop only what we started, by
 * pid" is checked in one place.
 */
final class Commands {

    /** After the command exits, how long its output pipes may stay open (a background child holding them). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private Commands() {
    }

    /** Runs {@code argv} with stdin from /dev/null; on timeout kills it and its descendants and throws. */
    static ProcessResult run(List<String> argv, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
        Drain out = new Drain(p.getInputStream(), "stdout of " + argv.get(0));
        Drain err = new Drain(p.getErrorStream(), "stderr of " + argv.get(0));
        boolean exited;
        try {
            exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(p.toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        }
        if (!exited) {
            killTree(p.toHandle());
            throw new CommandTimeoutException(argv, timeout, out.await(DRAIN), err.await(DRAIN));
        }
        return new ProcessResult(p.exitValue(), out.await(DRAIN), err.await(DRAIN));
    }

    /** SIGKILL to {@code root} and every descendant it has now (all started by us, through it). */
    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /**
     * SIGTERM to {@code pid}, then SIGKILL if it is still alive after {@code grace}; waits for it
     * to be gone. ProcessHandle checks the start time, so a recycled pid is not signalled.
     *
     * @return true when the process is gone
     */
    static boolean terminate(long pid, Duration grace) {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        ProcessHandle h = handle.get();
        h.destroy();
        if (awaitExit(h, grace)) {
            return true;
        }
        h.destroyForcibly();
        return awaitExit(h, Duration.ofSeconds(5));
    }

    /** SIGKILL to {@code pid}; waits for it to be gone. */
    static boolean kill(long pid) {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        handle.get().destroyForcibly();
        return awaitExit(handle.get(), Duration.ofSeconds(5));
    }

    /**
     * Waits until {@code h} is gone. onExit() works for non-children too (it polls), and for a
     * child of ours it also reaps the zombie, which isAlive() alone would keep reporting.
     */
    static boolean awaitExit(ProcessHandle h, Duration max) {
        try {
            h.onExit().get(max.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !h.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    /** Reads a stream to the end on its own daemon thread, so neither pipe can fill and block the child. */
    private static final class Drain {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            thread = new Thread(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(chunk)) > 0; ) {
                        synchronized (buf) {
                            buf.write(chunk, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the stream closed under us: what was read so far is the output
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** The output, once the stream ends or {@code max} passed (then what was read so far). */
        String await(Duration max) {
            try {
                thread.join(max.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
