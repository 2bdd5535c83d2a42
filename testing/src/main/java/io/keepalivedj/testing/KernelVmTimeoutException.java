package io.keepalivedj.testing;

/** The guest outlived its time budget; qemu was killed (and is gone) before this was thrown. */
public final class KernelVmTimeoutException extends KernelVmException {
    private static final long serialVersionUID = 1L;

    private final String stdout;
    private final String stderr;

    public KernelVmTimeoutException(String message, String stdout, String stderr) {
        super(message);
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** What the command wrote to stdout before the kill (the share is write-through). */
    public String stdout() {
        return stdout;
    }

    /** What the command wrote to stderr before the kill. */
    public String stderr() {
        return stderr;
    }
}
