package io.keepalivedj.config;

/**
 * How bad a {@link Diagnostic} is, in keepalived's terms.
 *
 * <p>keepalived 2.2.7 logs many configuration errors and then runs with a fallback (an unknown
 * keyword is ignored, a VRID of 256 disables the instance, an unknown scheduler becomes wlc), yet
 * {@code keepalived -t} exits non-zero for every one of them. {@link #ERROR} is that class;
 * {@link #FATAL} is what stops keepalived from running at all; {@link #WARNING} is logged and
 * leaves {@code -t} at exit 0 (a plain {@code include} matching no file, for example).
 */
public enum Severity {
  WARNING,
  ERROR,
  FATAL;

  /** Whether {@code -t} must exit non-zero when a diagnostic of this severity is present. */
  public boolean failsConfigTest() {
    return this != WARNING;
  }
}
