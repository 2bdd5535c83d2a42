package io.keepalivedj.check;

/** Something started that can be stopped: a timer, an attempt. Cancelling twice is harmless. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
