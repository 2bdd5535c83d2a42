package io.keepalivedj.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a parse needs from its surroundings, so the parser itself touches nothing but the files it
 * is asked to read.
 *
 * @param configId the id that {@code @id} / {@code @^id} lines are compared with (keepalived's
 *     {@code -i/--config-id}; keepalived defaults to the short host name)
 * @param environment lookup for {@code ${_ENV NAME}}; empty result when a variable is unset
 * @param interfaceExists when present, every interface named by the configuration is checked
 *     with it, as {@code keepalived -t} does; absent for a parse that must not look at the host
 * @param randomSeed seed for {@code ${_RANDOM}}; keepalived 2.2.7 reseeds from the clock on every
 *     read and ignores the file's {@code random_seed} there, so a fixed seed is ours to choose
 * @param allConfig keepalived's {@code -e/--all-config}: every {@code include} is checked as
 *     {@code includea} is, so a missing file is an error
 */
public record ParseOptions(
    String configId,
    Function<String, Optional<String>> environment,
    Optional<Predicate<String>> interfaceExists,
    long randomSeed,
    boolean allConfig) {

  public ParseOptions {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(interfaceExists, "interfaceExists");
  }

  /**
   * Options for embedders: config-id is the short host name as keepalived's default, no
   * environment, no interface check.
   */
  public static ParseOptions defaults() {
    return new ParseOptions(HostName.shortName(), name -> Optional.empty(), Optional.empty(), 0L, false);
  }

  public ParseOptions withConfigId(String id) {
    return new ParseOptions(id, environment, interfaceExists, randomSeed, allConfig);
  }

  public ParseOptions withEnvironment(Map<String, String> env) {
    Map<String, String> copy = Map.copyOf(env);
    return new ParseOptions(configId, name -> Optional.ofNullable(copy.get(name)), interfaceExists, randomSeed,
        allConfig);
  }

  public ParseOptions withInterfaceCheck(Predicate<String> exists) {
    return new ParseOptions(configId, environment, Optional.of(exists), randomSeed, allConfig);
  }

  /** keepalived's {@code -e}: a missing include file is an error, whatever the include's form. */
  public ParseOptions withAllConfig(boolean all) {
    return new ParseOptions(configId, environment, interfaceExists, randomSeed, all);
  }

  public ParseOptions withRandomSeed(long seed) {
    return new ParseOptions(configId, environment, interfaceExists, seed, allConfig);
  }
}
