package io.keepalivedj.examples.lab;

import io.keepalivedj.check.AttemptOutcome;
import io.keepalivedj.check.Cancellable;
import io.keepalivedj.check.CheckRunner;
import io.keepalivedj.check.CheckSpec;
import io.keepalivedj.check.EventLoop;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link CheckRunner} that reports every attempt's outcome before the scheduler sees it: the
 * scheduler's listeners hear only UP/DOWN, and an operator wants the failed attempts that led
 * to a DOWN (what keepalived's {@code log_all_failures} logs).
 */
final class ObservedRunner implements CheckRunner {
  /** Hears one attempt's outcome, on whatever thread the attempt ended on. */
  @FunctionalInterface
  interface Sink {
    void attempt(CheckSpec spec, AttemptOutcome outcome, Instant at);
  }

  private final CheckRunner delegate;
  private final EventLoop loop;
  private final Sink sink;

  ObservedRunner(CheckRunner delegate, EventLoop loop, Sink sink) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public boolean supports(CheckSpec spec) {
    return delegate.supports(spec);
  }

  @Override
  public Cancellable start(CheckSpec spec, Consumer<AttemptOutcome> done) {
    return delegate.start(spec, outcome -> {
      sink.attempt(spec, outcome, loop.instant());
      done.accept(outcome);
    });
  }
}
