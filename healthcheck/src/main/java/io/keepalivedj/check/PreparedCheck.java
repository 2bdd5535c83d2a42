package io.keepalivedj.check;

import java.util.function.Consumer;

/**
 * One check with its per-target work done once ({@link CheckRunner#prepare}): what every attempt
 * repeats is only what must be new each time. For HTTP_GET that is the encoded request, the
 * resolved addresses and the Host header, which the scheduler would otherwise rebuild from the
 * spec on each of thousands of attempts per second.
 */
@FunctionalInterface
public interface PreparedCheck {

    /** Starts one attempt; {@code done} is called exactly once, from any thread, unless cancelled. */
    Cancellable start(Consumer<AttemptOutcome> done);
}
