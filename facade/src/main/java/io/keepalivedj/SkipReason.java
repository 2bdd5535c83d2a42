package io.keepalivedj;

import java.util.Objects;

/**
 * Why a configured checker has no {@link io.keepalivedj.check.CheckSpec} in a {@link CheckPlan}.
 * Nothing is dropped quietly: a checker the health-check engine cannot run as written is listed
 * with one of these, so an operator sees what is not watched. {@link #message()} is for people,
 * {@link #kind()} a stable, low-cardinality label for counters.
 */
public sealed interface SkipReason {

  String message();

  /** Stable label, e.g. {@code unsupported_option}. */
  String kind();

  /**
   * The health-check engine has no checker of this type yet.
   *
   * @param keyword the checker's keyword, e.g. {@code BFD_CHECK}
   * @param why     what it would need
   */
  record NotRunByHealthcheck(String keyword, String why) implements SkipReason {
    public NotRunByHealthcheck {
      requireText(keyword, "keyword");
      requireText(why, "why");
    }

    @Override
    public String message() {
      return keyword + " is not supported yet: " + why;
    }

    @Override
    public String kind() {
      return "not_supported";
    }
  }

  /**
   * The checker sets an option the engine cannot honour yet; running it without would check
   * something other than what the file says.
   *
   * @param option the keyword, e.g. {@code host} (SMTP_CHECK)
   * @param why    what is missing
   */
  record UnsupportedOption(String option, String why) implements SkipReason {
    public UnsupportedOption {
      requireText(option, "option");
      requireText(why, "why");
    }

    @Override
    public String message() {
      return option + " is not supported yet: " + why;
    }

    @Override
    public String kind() {
      return "unsupported_option";
    }
  }

  /**
   * A connecting checker with neither a real-server port nor {@code connect_port}: keepalived's
   * real server of a fwmark or group service may have no port, and then there is nothing to
   * connect to.
   *
   * @param keyword the checker's keyword
   */
  record MissingPort(String keyword) implements SkipReason {
    public MissingPort {
      requireText(keyword, "keyword");
    }

    @Override
    public String message() {
      return keyword + " needs a port: the real server has none and connect_port is not set";
    }

    @Override
    public String kind() {
      return "missing_port";
    }
  }

  /**
   * A {@code FILE_CHECK} naming a {@code track_file} the configuration does not define.
   *
   * @param name the name it gives
   */
  record UnknownTrackFile(String name) implements SkipReason {
    public UnknownTrackFile {
      requireText(name, "name");
    }

    @Override
    public String message() {
      return "FILE_CHECK names track_file '" + name + "', which is not defined";
    }

    @Override
    public String kind() {
      return "unknown_track_file";
    }
  }

  /**
   * The engine's spec refused the effective values (a value outside what it can count, a regex
   * Java cannot compile...).
   *
   * @param detail the engine's words
   */
  record Rejected(String detail) implements SkipReason {
    public Rejected {
      requireText(detail, "detail");
    }

    @Override
    public String message() {
      return "rejected by the health-check engine: " + detail;
    }

    @Override
    public String kind() {
      return "rejected";
    }
  }

  private static void requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
  }
}
