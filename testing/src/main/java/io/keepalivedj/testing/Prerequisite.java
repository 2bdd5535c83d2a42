package io.keepalivedj.testing;

import java.util.Objects;

/**
 * One thing a tier needs from the host, probed: {@code what} names it ("root (uid 0)",
 * "qemu-system-x86_64 on PATH"), {@code remedy} says how to get it ("apt-get install
 * qemu-system-x86"), {@code detail} says what the probe saw when it is not met.
 *
 * @param what   the requirement, as a reader would name it
 * @param remedy how to install or obtain it
 * @param met    whether the probe found it
 * @param detail what the probe saw (empty when met)
 */
public record Prerequisite(String what, String remedy, boolean met, String detail) {

    public Prerequisite {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(detail, "detail");
        if (what.isBlank() || remedy.isBlank()) {
            throw new IllegalArgumentException("a prerequisite needs a name and a remedy");
        }
    }

    /** A requirement the host satisfies. */
    public static Prerequisite met(String what, String remedy) {
        return new Prerequisite(what, remedy, true, "");
    }

    /** A requirement the host lacks; {@code detail} is what the probe saw instead. */
    public static Prerequisite missing(String what, String remedy, String detail) {
        return new Prerequisite(what, remedy, false, detail);
    }

    /** Met when {@code ok}, else missing with {@code detail}. */
    public static Prerequisite of(boolean ok, String what, String remedy, String detail) {
        return new Prerequisite(what, remedy, ok, ok ? "" : detail);
    }
}
