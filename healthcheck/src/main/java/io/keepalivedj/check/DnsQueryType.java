package io.keepalivedj.check;

import java.util.Locale;

/** DNS_CHECK {@code type}: "A|NS|CNAME|SOA|MX|TXT|AAAA. The default is SOA" (keepalived.conf(5)). */
public enum DnsQueryType {
    A(1),
    NS(2),
    CNAME(5),
    SOA(6),
    MX(15),
    TXT(16),
    AAAA(28);

    private final int code;

    DnsQueryType(int code) {
        this.code = code;
    }

    /** QTYPE value, RFC 1035 §3.2.2 (AAAA: RFC 3596 §2.1). */
    public int code() {
        return code;
    }

    /** The config spelling, case-insensitive. */
    public static DnsQueryType fromConfigName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DNS_CHECK type must be A, NS, CNAME, SOA, MX, TXT or AAAA: " + name, e);
        }
    }
}
