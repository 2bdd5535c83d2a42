package io.keepalivedj.testing;

/** The gate of {@link KernelVmTest}: qemu, a Debian kernel with IPVS, busybox, setpriv. */
public final class KernelVmTierExtension extends TierGateExtension {
    public KernelVmTierExtension() {
        super(Tier.KERNEL_VM);
    }
}
