package io.keepalivedj.check;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * PING_CHECK, INTERIM: one echo request sent by iputils {@code ping -n -q -c 1 -W TIMEOUT
 * [-I BINDTO] ADDRESS} run as a child process, judged by its exit status (0: a reply came;
 * 1: no reply within -W; anything else: an error such as no route).
 *
 * <p>Why a process: keepalived sends the echo itself on an unprivileged ICMP datagram socket
 * ({@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)}; keepalived.conf(5) warns it may widen
 * {@code net.ipv4.ping_group_range}), and Java NIO cannot open one; {@code
 * InetAddress.isReachable} falls back to a TCP echo-port probe without privileges, which is not
 * PING_CHECK. The native socket belongs in linux-net's libc binding; until then this costs a
 * fork+exec per attempt (fine for tens of targets, not thousands) and needs {@code ping} on
 * the PATH.
 */
public final class PingChecker {

    private static final File DEV_NULL = new File("/dev/null");
    /** Extra time ping gets to exit after -W before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(1);

    private final EventLoop loop;
    private final String ping;

    public PingChecker(EventLoop loop) {
        this(loop, "ping");
    }

    /** {@code ping}: the iputils ping program to run. */
    public PingChecker(EventLoop loop, String ping) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.ping = Objects.requireNonNull(ping, "ping");
    }

    static List<String> command(String ping, PingCheck spec) {
        InetAddress address = spec.target().connectAddress().getAddress();
        List<String> cmd = new ArrayList<>(List.of(ping, address instanceof Inet6Address ? "-6" : "-4", "-n", "-q",
                "-c", "1", "-W", seconds(spec.options().connectTimeout())));
        spec.target().bindAddress().ifPresent(a -> {
            cmd.add("-I");
            cmd.add(a.getHostAddress());
        });
        cmd.add(address.getHostAddress());
        return cmd;
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(PingCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        Run run = new Run(spec, done);
        loop.execute(run::start);
        return run;
    }

    private final class Run implements Cancellable {
        private final PingCheck spec;
        private final Consumer<AttemptOutcome> done;
        private long startNanos;
        private Process process;
        private Cancellable killTimer;
        private volatile boolean finished;

        Run(PingCheck spec, Consumer<AttemptOutcome> done) {
            this.spec = spec;
            this.done = done;
        }

        void start() {
            if (finished) {
                return;
            }
            startNanos = loop.nanoTime();
            try {
                process = new ProcessBuilder(command(ping, spec))
                        .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                finish(failure(new FailureReason.NetworkError("cannot run " + ping + ": " + e.getMessage())));
                return;
            }
            killTimer = loop.schedule(spec.options().connectTimeout().plus(EXIT_GRACE), () -> {
                if (!finished) {
                    process.destroyForcibly();
                }
            });
            process.onExit().thenAccept(p -> loop.execute(() -> onExit(p.exitValue())));
        }

        private void onExit(int status) {
            if (finished) {
                return;
            }
            killTimer.cancel();
            Duration timeout = spec.options().connectTimeout();
            finish(switch (status) {
                case 0 -> AttemptOutcome.Success.of(elapsed());
                case 1 -> failure(new FailureReason.NoEchoReply(timeout));
                default -> failure(new FailureReason.NetworkError(ping + " exited with status " + status));
            });
        }

        private AttemptOutcome.Failure failure(FailureReason reason) {
            return new AttemptOutcome.Failure(reason, elapsed());
        }

        private Duration elapsed() {
            return Duration.ofNanos(loop.nanoTime() - startNanos);
        }

        private void finish(AttemptOutcome outcome) {
            finished = true;
            done.accept(outcome);
        }

        @Override
        public void cancel() {
            finished = true;
            loop.execute(() -> {
                if (killTimer != null) {
                    killTimer.cancel();
                }
                if (process != null) {
                    process.destroyForcibly();
                }
            });
        }
    }
}
