package io.keepalivedj.testing;

/**
 * The guest could not run the command to completion: qemu or the guest failed, or the time
 * budget ran out ({@link KernelVmTimeoutException}). Not thrown for a command that merely exits
 * non-zero: that is a {@link ProcessResult}. The message carries the guest console's tail.
 */
public class KernelVmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KernelVmException(String message) {
        super(message);
    }

    public KernelVmException(String message, Throwable cause) {
        super(message, cause);
    }
}
