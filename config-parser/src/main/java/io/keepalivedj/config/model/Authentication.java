package io.keepalivedj.config.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A VRRPv2 {@code authentication} block. keepalived keeps at most 8 bytes of the password (the
 * advert's authentication field, RFC 2338 §5.3.10) and truncates a longer one with an error.
 *
 * @param authType {@code auth_type PASS|AH}
 * @param authPass {@code auth_pass}, 1 to 8 bytes (UTF-8)
 */
public record Authentication(AuthType authType, String authPass) {
  /** Size of the VRRPv2 authentication data field in bytes. */
  public static final int MAX_PASS_BYTES = 8;

  public Authentication {
    Objects.requireNonNull(authType, "authType");
    Objects.requireNonNull(authPass, "authPass");
    int len = authPass.getBytes(StandardCharsets.UTF_8).length;
    if (len == 0 || len > MAX_PASS_BYTES) {
      throw new IllegalArgumentException("auth_pass must be 1.." + MAX_PASS_BYTES + " bytes: " + len);
    }
  }
}
