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

    /** MISC_CHECK program exited with a failing status. */
    record ScriptExit(int status) implements FailureReason {
        @Override public String message() { return "script exited with status " + status; }
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
