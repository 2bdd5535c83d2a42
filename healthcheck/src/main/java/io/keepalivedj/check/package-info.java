/**
 * keepalived's health checkers (HTTP_GET, SSL_GET, TCP_CHECK, MISC_CHECK, DNS_CHECK, SMTP_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK) and the scheduler that runs thousands of them on a few threads with keepalived's retry semantics.
 */
package io.keepalivedj.check;
