package io.keepalivedj.config.model;

/**
 * The HTTP version an {@code HTTP_GET}/{@code SSL_GET} checker speaks, {@code http_protocol}.
 * {@code 1.0C} is HTTP/1.0 with {@code Connection: close}; keepalived also accepts {@code 1.0c}.
 */
public enum HttpProtocol implements KeywordEnum {
  /** HTTP/1.0: keepalived's default. */
  HTTP_1_0("1.0"),
  /** HTTP/1.0 with a {@code Connection: close} header. */
  HTTP_1_0C("1.0C"),
  /** HTTP/1.1 (keepalived sends {@code Connection: close}). */
  HTTP_1_1("1.1");

  private final String keyword;

  HttpProtocol(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }
}
