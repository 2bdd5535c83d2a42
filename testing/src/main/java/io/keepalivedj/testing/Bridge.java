package io.keepalivedj.testing;

import java.util.Objects;

/**
 * A Linux bridge living in its own lab namespace (so the root namespace stays untouched):
 * STP off, forward delay 0, multicast snooping off (VRRP adverts must flood to every port).
 *
 * @param netns the namespace holding the bridge and its ports
 * @param name  the bridge device name
 */
public record Bridge(Netns netns, String name) {
    public Bridge {
        Objects.requireNonNull(netns, "netns");
        InterfaceName.check(name);
    }
}
