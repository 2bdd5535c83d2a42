package io.keepalivedj.testing.vmprobe;

import io.keepalivedj.linux.genetlink.GenericNetlinkClient;
import io.keepalivedj.linux.genetlink.GenericNetlinkFamily;
import io.keepalivedj.linux.netlink.NetlinkException;

/**
 * Run inside a kernel-vm guest by GuestJvmTest: resolves each generic netlink family named in
 * the arguments with linux-net's client, in the guest's network namespace, and prints one line
 * per name: "family NAME id ID version V" or "family NAME missing: MESSAGE". Exit status 0 when
 * all resolved, 2 when one was missing; any other failure throws (exit 1, stack trace on stderr).
 */
public final class ResolveFamily {

    private ResolveFamily() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try (GenericNetlinkClient client = GenericNetlinkClient.open()) {
            for (String name : args) {
                try {
                    GenericNetlinkFamily f = client.family(name);
                    System.out.println("family " + f.name() + " id " + f.id() + " version " + f.version());
                } catch (NetlinkException e) {
                    System.out.println("family " + name + " missing: " + e.getMessage());
                    status = 2;
                }
            }
        }
        System.exit(status);
    }
}
