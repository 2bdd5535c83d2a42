package io.keepalivedj.testing;

/** The gate of {@link NetnsTest}: root, iproute2, /var/run/netns, keepalived, ping. */
public final class NetnsTierExtension extends TierGateExtension {
    public NetnsTierExtension() {
        super(Tier.NETNS);
    }
}
