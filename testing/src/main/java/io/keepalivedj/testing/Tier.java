package io.keepalivedj.testing;

/**
 * The privileged test tiers of DESIGN.md "Test tiers"; {@link #tag()} is the JUnit tag that the
 * root pom's {@code tier-netns} / {@code tier-kernel-vm} profiles select.
 */
public enum Tier {
    /** Network namespaces, veth, bridges, real keepalived: needs root on this kernel. */
    NETNS("netns"),
    /** A qemu guest booted from Debian's kernel (IPVS is a module there, absent here). */
    KERNEL_VM("kernel-vm");

    private final String tag;

    Tier(String tag) {
        this.tag = tag;
    }

    /** The JUnit tag of this tier, as used in {@code @Tag} and surefire's {@code groups}. */
    public String tag() {
        return tag;
    }
}
