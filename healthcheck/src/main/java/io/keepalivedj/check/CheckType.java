package io.keepalivedj.check;

import java.time.Duration;

/**
 * The checker keywords of keepalived.conf(5) and the defaults that differ between them.
 *
 * <p>Defaults quoted from keepalived.conf(5) (keepalived 2.2.7), "virtual_server" section:
 * "retry ... Default: 1 unless specified below" (DNS_CHECK: "The retry default is 3.",
 * MISC_CHECK: "The retry default is 0."), and "delay_before_retry ... Defaults to delay_loop
 * for DNS_CHECK, 3 seconds for HTTP_GET and SSL_GET, and 1 second otherwise."
 *
 * <p>FILE_CHECK has "none of the standard options": a file read is definitive, so it gets
 * retry 0 (our choice; keepalived re-reads the file when it changes rather than retrying).
 */
public enum CheckType {
    HTTP_GET,
    SSL_GET,
    TCP_CHECK,
    MISC_CHECK,
    DNS_CHECK,
    SMTP_CHECK,
    UDP_CHECK,
    PING_CHECK,
    FILE_CHECK;

    /** keepalived.conf(5): 1, except DNS_CHECK 3 and MISC_CHECK 0; FILE_CHECK 0, see above. */
    public int defaultRetry() {
        return switch (this) {
            case DNS_CHECK -> 3;
            case MISC_CHECK, FILE_CHECK -> 0;
            case HTTP_GET, SSL_GET, TCP_CHECK, SMTP_CHECK, UDP_CHECK, PING_CHECK -> 1;
        };
    }

    /** keepalived.conf(5): delay_loop for DNS_CHECK, 3 s for HTTP_GET/SSL_GET, else 1 s. */
    public Duration defaultDelayBeforeRetry(Duration delayLoop) {
        return switch (this) {
            case DNS_CHECK -> delayLoop;
            case HTTP_GET, SSL_GET -> Duration.ofSeconds(3);
            case TCP_CHECK, MISC_CHECK, SMTP_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK -> Duration.ofSeconds(1);
        };
    }
}
