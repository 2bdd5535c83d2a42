package io.keepalivedj.testing.vmprobe;

/**
 * Run inside a kernel-vm guest by GuestJvmTest: prints "exiting with N" and calls
 * System.exit(N), so the test sees both that the JVM ran and that its status came back.
 */
public final class ExitWith {

    private ExitWith() {
    }

    public static void main(String[] args) {
        int status = Integer.parseInt(args[0]);
        System.out.println("exiting with " + status);
        System.exit(status);
    }
}
