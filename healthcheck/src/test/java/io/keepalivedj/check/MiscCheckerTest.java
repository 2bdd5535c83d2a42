package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiscCheckerTest {

    NioEventLoop loop;
    MiscChecker checker;
    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        loop = new NioEventLoop("misc-test");
        checker = new MiscChecker(loop);
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    AttemptOutcome run(MiscCheck spec) throws Exception {
        CompletableFuture<AttemptOutcome> f = new CompletableFuture<>();
        checker.check(spec, f::complete);
        return f.get(30, TimeUnit.SECONDS);
    }

    static MiscCheck sh(String script) {
        return MiscCheck.of(CheckTarget.of(InetAddress.getLoopbackAddress(), 0), List.of("/bin/sh", "-c", script));
    }

    @Test
    void exitStatusRules() throws Exception {
        AttemptOutcome zero = run(sh("exit 0"));
        assertThat(zero).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(((AttemptOutcome.Success) zero).weight()).isEmpty();
        AttemptOutcome one = run(sh("exit 1"));
        assertThat(((AttemptOutcome.Failure) one).reason()).isEqualTo(new FailureReason.ScriptExit(1));
        assertThat(((AttemptOutcome.Failure) run(sh("exit 12"))).reason().message()).isEqualTo("script exited with status 12");
    }

    @Test
    void miscDynamicTurnsExitIntoWeight() throws Exception {
        assertThat(((AttemptOutcome.Success) run(sh("exit 12").withDynamic(true))).weight()).isEqualTo(OptionalInt.of(10));
        assertThat(((AttemptOutcome.Success) run(sh("exit 255").withDynamic(true))).weight()).isEqualTo(OptionalInt.of(253));
        assertThat(((AttemptOutcome.Success) run(sh("exit 2").withDynamic(true))).weight()).isEqualTo(OptionalInt.of(0));
        assertThat(((AttemptOutcome.Success) run(sh("exit 0").withDynamic(true))).weight()).isEmpty();
        assertThat(run(sh("exit 1").withDynamic(true))).isInstanceOf(AttemptOutcome.Failure.class);
    }

    @Test
    void argvIsNotShellInterpreted() throws Exception {
        Path marker = tmp.resolve("m");
        // With a shell, "; touch" would run; as argv, it is one argument to /bin/echo.
        MiscCheck spec = MiscCheck.of(CheckTarget.of(InetAddress.getLoopbackAddress(), 0),
                List.of("/bin/echo", "x; touch " + marker));
        assertThat(run(spec)).isInstanceOf(AttemptOutcome.Success.class);
        assertThat(marker).doesNotExist();
    }

    @Test
    void timeoutKillsTheScriptAndItsChildren() throws Exception {
        Path pidFile = tmp.resolve("pid");
        // The child sleeps in the background; both must be gone after the timeout.
        MiscCheck spec = sh("sleep 300 & echo $! > " + pidFile + "; wait").withTimeout(Duration.ofMillis(300));
        AttemptOutcome o = run(spec);
        assertThat(((AttemptOutcome.Failure) o).reason().message()).isEqualTo("script timeout after 300 ms, killed");
        long child = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(child).ifPresent(h -> h.onExit().join());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void scriptKilledBySignalIsReportedAsBothReadings() throws Exception {
        // The shell kills itself: waitpid says WIFSIGNALED(SIGKILL); Java only says 137.
        AttemptOutcome killed = run(sh("kill -KILL $$"));
        assertThat(((AttemptOutcome.Failure) killed).reason()).isEqualTo(new FailureReason.ScriptExit(137));
        assertThat(((AttemptOutcome.Failure) killed).reason().message())
                .isEqualTo("script exited with status 137 (exit 137, or killed by signal 9)");
        AttemptOutcome exited = run(sh("exit 137"));
        assertThat(((AttemptOutcome.Failure) exited).reason()).isEqualTo(new FailureReason.ScriptExit(137));
        assertThat(((AttemptOutcome.Failure) run(sh("kill -TERM $$"))).reason().message())
                .isEqualTo("script exited with status 143 (exit 143, or killed by signal 15)");
    }

    @Test
    void missingProgramIsAScriptError() throws Exception {
        MiscCheck spec = MiscCheck.of(CheckTarget.of(InetAddress.getLoopbackAddress(), 0), List.of("/nonexistent/check"));
        assertThat(((AttemptOutcome.Failure) run(spec)).reason()).isInstanceOf(FailureReason.ScriptError.class);
    }

    @Test
    void userWrapsWithRunuser() {
        MiscCheck spec = new MiscCheck(CheckTarget.of(InetAddress.getLoopbackAddress(), 0),
                CheckOptions.defaults(CheckType.MISC_CHECK), List.of("/bin/true", "a"), java.util.Optional.empty(), false,
                java.util.Optional.of("nobody"), java.util.Optional.of("nogroup"));
        assertThat(MiscChecker.command(spec)).containsExactly("runuser", "-u", "nobody", "-g", "nogroup", "--", "/bin/true", "a");
    }
}
