package io.keepalivedj;

import io.keepalivedj.check.SslOptions;
import io.keepalivedj.config.KeepalivedConfig;
import java.util.List;
import java.util.Objects;

/**
 * Every checker of a configuration as the health-check engine will run it: for each
 * {@code virtual_server}, each of its {@code real_server}s and each of their checker blocks,
 * either a {@link PlannedCheck} with keepalived's effective values or a {@link SkippedCheck}
 * saying why not. Pure: no I/O, nothing started.
 *
 * <pre>{@code
 * CheckPlan plan = CheckPlan.of(ConfigParser.parse(path));
 * plan.skipped().forEach(s -> log.warn("not checked: {}", s));
 * try (NioEventLoop loop = new NioEventLoop("checks");
 *      NetworkCheckRunner runner = new NetworkCheckRunner(loop, plan.ssl());
 *      CheckScheduler scheduler = new CheckScheduler(loop, runner, new SplittableRandom())) {
 *   plan.checks().forEach(c -> scheduler.add(c.spec()));
 * }
 * }</pre>
 *
 * @param checks  the checks to run, in file order
 * @param skipped the checker blocks that will not run, in file order
 * @param ssl     the top-level {@code SSL} block for SSL_GET checks
 */
public record CheckPlan(List<PlannedCheck> checks, List<SkippedCheck> skipped, SslOptions ssl) {

  public CheckPlan {
    checks = List.copyOf(checks);
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(ssl, "ssl");
  }

  /** Maps every checker of {@code config}. */
  public static CheckPlan of(KeepalivedConfig config) {
    return CheckPlanner.plan(Objects.requireNonNull(config, "config"));
  }
}
