package io.keepalivedj.check;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * MISC_CHECK: runs {@code misc_path} as an argv (no shell: keepalived execs the program itself),
 * with stdin from /dev/null and output discarded, and judges its exit status
 * (keepalived.conf(5)):
 * <ul>
 *   <li>0: success; 1: failure;</li>
 *   <li>2-255: failure, unless {@code misc_dynamic}, where it is success with weight status − 2;</li>
 *   <li>still running after misc_timeout: the program and all its descendants are killed
 *       (SIGKILL), reaped, and the attempt fails. Nothing is left running.</li>
 * </ul>
 * {@code user} runs the program through {@code runuser -u USER [-g GROUP] --}, which needs
 * root, as keepalived's own setuid does.
 */
public final class MiscChecker {

    private static final File DEV_NULL = new File("/dev/null");

    private final EventLoop loop;

    public MiscChecker(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(MiscCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        Run run = new Run(spec, done);
        loop.execute(run::start);
        return run;
    }

    static List<String> command(MiscCheck spec) {
        if (spec.user().isEmpty()) {
            return spec.argv();
        }
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", spec.user().get()));
        spec.group().ifPresent(g -> {
            cmd.add("-g");
            cmd.add(g);
        });
        cmd.add("--");
        cmd.addAll(spec.argv());
        return cmd;
    }

    /** Judges a normal exit per keepalived.conf(5) MISC_CHECK. */
    static AttemptOutcome judge(int status, boolean dynamic, Duration latency) {
        if (status == 0) {
            return AttemptOutcome.Success.of(latency);
        }
        if (dynamic && status >= 2 && status <= 255) {
            return new AttemptOutcome.Success(latency, OptionalInt.of(status - 2));
        }
        return new AttemptOutcome.Failure(new FailureReason.ScriptExit(status), latency);
    }

    private final class Run implements Cancellable {
        private final MiscCheck spec;
        private final Consumer<AttemptOutcome> done;
        private long startNanos;
        private Process process;
        private Cancellable timer;
        private boolean timedOut;
        private volatile boolean finished;

        Run(MiscCheck spec, Consumer<AttemptOutcome> done) {
            this.spec = spec;
            this.done = done;
        }

        void start() {
            if (finished) {
                return;
            }
            startNanos = loop.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(command(spec))
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            try {
                process = pb.start();
            } catch (IOException e) {
                finish(new AttemptOutcome.Failure(new FailureReason.ScriptError(e.getMessage()), elapsed()));
                return;
            }
            timer = loop.schedule(spec.effectiveTimeout(), this::onTimeout);
            // onExit() waits (and reaps) on a JDK helper thread; the verdict hops back to the loop.
            process.onExit().thenAccept(p -> loop.execute(() -> onExit(p.exitValue())));
        }

        private void onTimeout() {
            if (finished) {
                return;
            }
            timedOut = true;
            kill(process);
        }

        private void onExit(int status) {
            if (finished) {
                return;
            }
            if (timer != null) {
                timer.cancel();
            }
            Duration latency = elapsed();
            finish(timedOut
                    ? new AttemptOutcome.Failure(new FailureReason.ScriptTimeout(spec.effectiveTimeout()), latency)
                    : judge(status, spec.dynamic(), latency));
        }

        private void finish(AttemptOutcome outcome) {
            finished = true;
            done.accept(outcome);
        }

        private Duration elapsed() {
            return Duration.ofNanos(loop.nanoTime() - startNanos);
        }

        @Override
        public void cancel() {
            finished = true;
            loop.execute(() -> {
                if (timer != null) {
                    timer.cancel();
                }
                if (process != null) {
                    kill(process);
                }
            });
        }
    }

    /**
     * SIGKILLs the program and its descendants. Descendants are listed first: once the parent
     * dies they are re-parented and no longer found through it.
     */
    static void kill(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        for (ProcessHandle h : family) {
            h.destroyForcibly();
        }
    }
}
