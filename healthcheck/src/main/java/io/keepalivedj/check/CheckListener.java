package io.keepalivedj.check;

/**
 * Hears a {@link CheckScheduler}'s events, in the order they happened, on the scheduler's
 * event-loop thread: return quickly and never block.
 */
@FunctionalInterface
public interface CheckListener {
    void onTransition(CheckEvent event);
}
