package io.keepalivedj.examples.lab;

import io.keepalivedj.PlannedCheck;
import io.keepalivedj.check.CheckEvent;
import io.keepalivedj.check.CheckId;
import io.keepalivedj.check.CheckScheduler;
import io.keepalivedj.check.CheckSpec;
import io.keepalivedj.check.NetworkCheckRunner;
import io.keepalivedj.check.NioEventLoop;
import io.keepalivedj.check.SslOptions;
import io.keepalivedj.linux.NetworkNamespace;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Our checkers running inside one network namespace (the load balancer's): the event loop is
 * made from a thread that entered the namespace, so its thread, and every socket and process it
 * opens, live there for good. Attempts and transitions queue up in order for the caller to take
 * with {@link #next}.
 */
final class LiveChecks implements AutoCloseable {
  private final NioEventLoop loop;
  private final CheckScheduler scheduler;
  /** Raw reports from the loop thread, resolved to their checker on the caller's thread. */
  private final BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
  /** The scheduler hands the runner the very spec it was given: identity finds the checker. */
  private final Map<CheckSpec, PlannedCheck> bySpec = new IdentityHashMap<>();
  private final Map<CheckId, PlannedCheck> byId = new HashMap<>();

  private record RawAttempt(CheckSpec spec, io.keepalivedj.check.AttemptOutcome outcome, Instant at) {}

  private LiveChecks(NioEventLoop loop, SslOptions ssl) {
    this.loop = loop;
    ObservedRunner runner = new ObservedRunner(new NetworkCheckRunner(loop, ssl), loop,
        (spec, outcome, at) -> reports.add(new RawAttempt(spec, outcome, at)));
    this.scheduler = new CheckScheduler(loop, runner, new SplittableRandom());
    scheduler.addListener(reports::add);
  }

  /** Starts {@code checks} from inside namespace {@code netnsName}. */
  static LiveChecks start(String netnsName, List<PlannedCheck> checks, SslOptions ssl) throws IOException {
    NioEventLoop loop = NetworkNamespace.named(netnsName).call(() -> new NioEventLoop("checks-" + netnsName));
    LiveChecks live = new LiveChecks(loop, ssl);
    try {
      for (PlannedCheck c : checks) {
        live.bySpec.put(c.spec(), c);
      }
      for (PlannedCheck c : checks) {
        live.byId.put(live.scheduler.add(c.spec()), c);
      }
    } catch (RuntimeException e) {
      live.close();
      throw e;
    }
    return live;
  }

  /** The next attempt or transition, waiting until {@code deadline}; empty when it passed. */
  Optional<Observation> next(Instant deadline) throws InterruptedException {
    long waitNanos = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
    Object raw = reports.poll(waitNanos, TimeUnit.NANOSECONDS);
    if (raw == null) {
      return Optional.empty();
    }
    if (raw instanceof RawAttempt a) {
      return Optional.of(new Observation.Attempt(bySpec.get(a.spec()), a.outcome(), a.at()));
    } else if (raw instanceof CheckEvent e) {
      return Optional.of(new Observation.Transition(byId.get(e.id()), e));
    }
    throw new AssertionError(raw);
  }

  /** Stops every check, then the loop and its thread. */
  @Override
  public void close() {
    try {
      scheduler.close();
    } finally {
      loop.close();
    }
  }
}
