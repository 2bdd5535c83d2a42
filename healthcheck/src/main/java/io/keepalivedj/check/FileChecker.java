package io.keepalivedj.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FILE_CHECK: reads the tracked file on the loop thread (a local read of a few bytes) and
 * judges its number per {@link FileCheck}.
 *
 * <p>keepalived re-reads the file when inotify says it changed; we read it at every attempt,
 * so a change is seen within delay_loop. The number is read like strtol: leading white space,
 * an optional sign, decimal digits; anything after is ignored.
 */
public final class FileChecker {

    /** Bytes read from the file: a number and some slack. */
    static final int READ_LIMIT = 64;
    private static final Pattern NUMBER = Pattern.compile("\\s*([+-]?\\d+)");

    private final EventLoop loop;

    public FileChecker(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(FileCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        boolean[] cancelled = new boolean[1];
        loop.execute(() -> {
            if (!cancelled[0]) {
                long start = loop.nanoTime();
                AttemptOutcome read = attempt(spec, Duration.ZERO);
                Duration latency = Duration.ofNanos(loop.nanoTime() - start);
                done.accept(read instanceof AttemptOutcome.Failure f
                        ? new AttemptOutcome.Failure(f.reason(), latency)
                        : AttemptOutcome.Success.of(latency));
            }
        });
        return () -> loop.execute(() -> cancelled[0] = true);
    }

    /** Reads the file and judges its number. */
    static AttemptOutcome attempt(FileCheck spec, Duration latency) {
        byte[] head;
        try (InputStream in = Files.newInputStream(spec.file())) {
            head = in.readNBytes(READ_LIMIT);
        } catch (IOException e) {
            return new AttemptOutcome.Failure(new FailureReason.TrackFileUnreadable(spec.file() + ": " + e.getMessage()), latency);
        }
        Matcher m = NUMBER.matcher(new String(head, StandardCharsets.US_ASCII));
        if (!m.lookingAt()) {
            return new AttemptOutcome.Failure(new FailureReason.TrackFileUnreadable(spec.file() + ": no number"), latency);
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            value = m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return judge(spec, value, latency);
    }

    /** The verdict on the file's number. */
    static AttemptOutcome judge(FileCheck spec, long value, Duration latency) {
        // keepalived.conf(5): values are limited to the 32-bit range.
        long clamped = Math.max(-2147483648L, Math.min(2147483647L, value));
        if (spec.weight() == 0) {
            return clamped == 0
                    ? AttemptOutcome.Success.of(latency)
                    : new AttemptOutcome.Failure(new FailureReason.TrackFileValue(value, clamped), latency);
        }
        long result = clamped * spec.weight() * (spec.reverse() ? -1 : 1);
        return result <= FileCheck.FAULT_AT_OR_BELOW
                ? new AttemptOutcome.Failure(new FailureReason.TrackFileValue(value, result), latency)
                : AttemptOutcome.Success.of(latency);
    }
}
