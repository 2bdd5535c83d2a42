package io.keepalivedj.testing;

import java.time.Duration;
import java.util.List;

/**
 * A command outlived its time budget and was killed (SIGKILL, with the descendants it had).
 * Carries what it had written so far: usually the best clue to why it hung.
 */
public final class CommandTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> command;
    private final String stdout;
    private final String stderr;

    public CommandTimeoutException(List<String> command, Duration timeout, String stdout, String stderr) {
        super("timed out after " + timeout.toMillis() + " ms and killed: " + String.join(" ", command)
                + (stderr.isBlank() ? "" : "; stderr so far: " + tail(stderr))
                + (stdout.isBlank() ? "" : "; stdout so far: " + tail(stdout)));
        this.command = List.copyOf(command);
        this.stdout = stdout;
        this.stderr = stderr;
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
    }

    /** The command line that timed out. */
    public List<String> command() {
        return command;
    }

    /** Standard output written before the kill. */
    public String stdout() {
        return stdout;
    }

    /** Standard error written before the kill. */
    public String stderr() {
        return stderr;
    }
}
