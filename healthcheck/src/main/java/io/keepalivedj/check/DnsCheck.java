package io.keepalivedj.check;

import java.util.Objects;

/**
 * DNS_CHECK of keepalived.conf(5): "DNS healthchecker. Uses UDP protocol." One query with a
 * random ID to the real server; see {@link DnsChecker} for what passes.
 *
 * @param queryType {@code type}: default SOA
 * @param name {@code name}: "Domain name to use for the DNS query. The default is . (dot)"
 */
public record DnsCheck(CheckTarget target, CheckOptions options, DnsQueryType queryType, String name) implements CheckSpec {

    public DnsCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(queryType, "queryType");
        Objects.requireNonNull(name, "name");
        DnsMessages.encodeName(name); // validates labels and length
        if (target.connectAddress().getPort() == 0) {
            throw new IllegalArgumentException("DNS_CHECK needs a real server port or connect_port: " + target);
        }
    }

    /** DNS_CHECK with keepalived's defaults: SOA query for ".", retry 3. */
    public static DnsCheck of(CheckTarget target) {
        return new DnsCheck(target, CheckOptions.defaults(CheckType.DNS_CHECK), DnsQueryType.SOA, ".");
    }

    public DnsCheck withQuery(DnsQueryType newType, String newName) {
        return new DnsCheck(target, options, newType, newName);
    }

    public DnsCheck withOptions(CheckOptions value) {
        return new DnsCheck(target, value, queryType, name);
    }

    @Override
    public CheckType type() {
        return CheckType.DNS_CHECK;
    }
}
