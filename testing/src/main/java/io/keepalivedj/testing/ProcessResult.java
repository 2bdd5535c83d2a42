package io.keepalivedj.testing;

import java.util.Objects;

/**
 * How a finished command ended: its exit status and everything it wrote.
 *
 * @param exitCode the exit status (128 + signal number when a signal ended it, as a shell reports)
 * @param stdout   standard output, decoded as UTF-8
 * @param stderr   standard error, decoded as UTF-8
 */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    public ProcessResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit status out of 0..255: " + exitCode);
        }
    }

    /** Exit status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result when it succeeded, else an {@link IllegalStateException} naming {@code what} and both outputs. */
    public ProcessResult orThrow(String what) {
        if (!succeeded()) {
            throw new IllegalStateException(what + " failed with exit status " + exitCode
                    + (stderr.isBlank() ? "" : "; stderr: " + stderr.strip())
                    + (stdout.isBlank() ? "" : "; stdout: " + stdout.strip()));
        }
        return this;
    }
}
