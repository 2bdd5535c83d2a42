package io.keepalivedj.check;

import java.time.Duration;
import java.util.Objects;

/**
 * Why one attempt failed. {@link #message()} is the text for logs and events; {@link #kind()}
 * is a stable, low-cardinality label for counters.
 */
public sealed interface FailureReason {

    String message();

    /** Stable counter label, e.g. {@code connect_timeout}. */
    String kind();

    /** No connection within connect_timeout. */
    record ConnectTimeout(Duration after) implements FailureReason {
        public ConnectTimeout { Objects.requireNonNull(after, "after"); }
        @Override public String message() { return "connect timeout after " + Durations.human(after); }
        @Override public String kind() { return "connect_timeout"; }
    }

    /** A read waited longer than connect_timeout (keepalived applies it to each read). */
    record ReadTimeout(Duration after) implements FailureReason {
        public ReadTimeout { Objects.requireNonNull(after, "after"); }
        @Override public String message() { return "read timeout after " + Durations.human(after); }
        @Override public String kind() { return "read_timeout"; }
    }

    /** RST in answer to SYN (ECONNREFUSED). */
    record ConnectionRefused() implements FailureReason {
        @Override public String message() { return "connection refused"; }
        @Override public String kind() { return "connection_refused"; }
    }

    /** RST on an established connection (ECONNRESET). */
    record ConnectionReset() implements FailureReason {
        @Override public String message() { return "connection reset"; }
        @Override public String kind() { return "connection_reset"; }
    }

    /** Any other socket error: unreachable, no route, bind failure. */
    record NetworkError(String detail) implements FailureReason {
        public NetworkError { Objects.requireNonNull(detail, "detail"); }
        @Override public String message() { return "network error: " + detail; }
        @Override public String kind() { return "network_error"; }
    }

    /** The response could not be parsed, or ended before its headers did. */
    record MalformedResponse(String detail) implements FailureReason {
        public MalformedResponse { Objects.requireNonNull(detail, "detail"); }
        @Override public String message() { return "malformed response: " + detail; }
        @Override public String kind() { return "malformed_response"; }
    }

    /** keepalived.conf(5) status_code did not match. */
    record StatusMismatch(String path, int status, StatusCodes expected) implements FailureReason {
        public StatusMismatch {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(expected, "expected");
        }
        @Override public String message() { return "status " + status + " not in " + expected + " for " + path; }
        @Override public String kind() { return "status_mismatch"; }
    }

    /** keepalived.conf(5) digest did not match the MD5 of the body. */
    record DigestMismatch(String path, String got, String want) implements FailureReason {
        public DigestMismatch {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(got, "got");
            Objects.requireNonNull(want, "want");
        }
        @Override public String message() { return "digest mismatch: got " + got + " want " + want + " for " + path; }
        @Override public String kind() { return "digest_mismatch"; }
    }

    /** keepalived.conf(5) regex did not match (or matched, with regex_no_match). */
    record RegexMismatch(String path, String regex, boolean noMatch) implements FailureReason {
        public RegexMismatch {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(regex, "regex");
        }
        @Override public String message() {
            return (noMatch ? "regex matched (regex_no_match): " : "regex did not match: ") + regex + " for " + path;
        }
        @Override public String kind() { return "regex_mismatch"; }
    }

    /**
     * SSL_GET: the TLS handshake failed: a protocol or cipher we cannot agree on, a plain-TCP
     * server, a certificate that does not verify against the {@code SSL { ca }}, or the peer
     * closing the connection mid-handshake ({@link #PEER_CLOSED}).
     */
    record TlsHandshakeFailed(String detail) implements FailureReason {
        /** The detail when the server closed the connection before the handshake ended. */
        public static final String PEER_CLOSED = "connection closed by the server";

        public TlsHandshakeFailed { Objects.requireNonNull(detail, "detail"); }
        @Override public String message() { return "TLS handshake failed: " + detail; }
        @Override public String kind() { return "tls_handshake"; }
    }

    /**
     * UDP_CHECK with require_reply, DNS_CHECK: no (acceptable) datagram came back within
     * connect_timeout.
     */
    record NoReply(Duration after) implements FailureReason {
        public NoReply { Objects.requireNonNull(after, "after"); }
        @Override public String message() { return "no reply after " + Durations.human(after); }
        @Override public String kind() { return "no_reply"; }
    }

    /** UDP_CHECK: the reply's length or bytes are not what require_reply asks for. */
    record ReplyMismatch(String detail) implements FailureReason {
        public ReplyMismatch { Objects.requireNonNull(detail, "detail"); }
        @Override public String message() { return "reply mismatch: " + detail; }
        @Override public String kind() { return "reply_mismatch"; }
    }

    /** DNS_CHECK: the server answered our query with an error RCODE (RFC 1035 §4.1.1). */
    record DnsRcode(int rcode) implements FailureReason {
        public DnsRcode {
            if (rcode < 1 || rcode > 15) {
                throw new IllegalArgumentException("DNS error rcode must be 1-15: " + rcode);
            }
        }
        @Override public String message() {
            String name = switch (rcode) {
                case 1 -> "FORMERR";
                case 2 -> "SERVFAIL";
                case 3 -> "NXDOMAIN";
                case 4 -> "NOTIMP";
                case 5 -> "REFUSED";
                default -> "rcode " + rcode;
            };
            return "DNS error " + name;
        }
        @Override public String kind() { return "dns_rcode"; }
    }

    /** SMTP_CHECK: a reply code other than the one the dialogue needs at {@code stage}. */
    record SmtpReply(String stage, int expected, String line) implements FailureReason {
        public SmtpReply {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(line, "line");
        }
        @Override public String message() { return "SMTP " + stage + ": expected " + expected + ", got '" + line + "'"; }
        @Override public String kind() { return "smtp_reply"; }
    }

    /** PING_CHECK: no ICMP echo reply within connect_timeout. */
    record NoEchoReply(Duration after) implements FailureReason {
        public NoEchoReply { Objects.requireNonNull(after, "after"); }
        @Override public String message() { return "no echo reply after " + Durations.human(after); }
        @Override public String kind() { return "no_echo_reply"; }
    }

    /**
     * PING_CHECK: the echo request cannot reach the target, and something said so at once: an
     * ICMP error (RFC 792 destination unreachable, RFC 4443 §3.1) from a router or from this host
     * when neighbour resolution failed, or the local routing table refusing the send.
     *
     * @param what   e.g. "host unreachable", "network unreachable"
     * @param source who said so, e.g. "ICMP from 198.51.100.1", "sendto: EHOSTUNREACH"
     */
    record Unreachable(String what, String source) implements FailureReason {
        public Unreachable {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(source, "source");
        }
        @Override public String message() { return what + " (" + source + ")"; }
        @Override public String kind() { return "unreachable"; }
    }

    /** FILE_CHECK: the tracked file's value means failure (see {@link FileCheck}). */
    record TrackFileValue(long value, long result) implements FailureReason {
        @Override public String message() { return "track file value " + value + " (result " + result + ")"; }
        @Override public String kind() { return "track_file_value"; }
    }

    /** FILE_CHECK: the tracked file is missing, unreadable or holds no number. */
    record TrackFileUnreadable(String detail) implements FailureReason {
        public TrackFileUnreadable { Objects.requireNonNull(detail, "detail"); }
        @Override public String message() { return "track file unreadable: " + detail; }
        @Override public String kind() { return "track_file_unreadable"; }
    }

    /**
     * MISC_CHECK program exited with a failing status. A program killed by a signal shows here
     * as 128 + the signal (137 for SIGKILL): that is all {@link Process#exitValue()} gives (the
     * JDK folds waitpid's WIFSIGNALED into it), so it cannot be told from a program that ran
     * {@code exit 137}; the message says both readings rather than guess.
     */
    record ScriptExit(int status) implements FailureReason {
        public ScriptExit {
            if (status < 1 || status > 255) {
                throw new IllegalArgumentException("a failing exit status is 1-255: " + status);
            }
        }
        @Override public String message() {
            return "script exited with status " + status
                    + (status > 128 ? " (exit " + status + ", or killed by signal " + (status - 128) + ")" : "");
        }
        @Override public String kind() { return "script_exit"; }
    }

    /** MISC_CHECK program outlived misc_timeout and was killed. */
    record ScriptTimeout(Duration after) implements FailureReason {
        public ScriptTimeout { Objects.requireNonNull(after, "after"); }
        @Override public String message() { return "script timeout after " + Durations.human(after) + ", killed"; }
        @Override public String kind() { return "script_timeout"; }
    }

    /** MISC_CHECK program could not be started. */
    record ScriptError(String detail) implements FailureReason {
        public ScriptError { Objects.requireNonNull(detail, "detail"); }
        @Override public String message() { return "script failed to start: " + detail; }
        @Override public String kind() { return "script_error"; }
    }
}
