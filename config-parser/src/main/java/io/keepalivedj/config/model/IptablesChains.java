package io.keepalivedj.config.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code vrrp_iptables [IN_CHAIN [OUT_CHAIN]]}: chains keepalived adds its accept/drop rules to.
 * The bare keyword means {@code INPUT OUTPUT}.
 *
 * @param inChain the input chain
 * @param outChain the output chain; empty when only an input chain was given
 */
public record IptablesChains(String inChain, Optional<String> outChain) {
  public IptablesChains {
    Objects.requireNonNull(inChain, "inChain");
    Objects.requireNonNull(outChain, "outChain");
    if (inChain.isEmpty() || inChain.length() > 27 || outChain.map(o -> o.isEmpty() || o.length() > 27).orElse(false)) {
      throw new IllegalArgumentException("iptables chain names must be 1..27 characters");
    }
  }

  public static IptablesChains defaults() {
    return new IptablesChains("INPUT", Optional.of("OUTPUT"));
  }
}
