package io.keepalivedj.check;

import java.nio.file.Path;
import java.util.Objects;

/**
 * FILE_CHECK of keepalived.conf(5): the real server follows the number in a {@code track_file}.
 * "If the weight configured against the track_file is 0, a non-zero value in the file will be
 * treated as a failure status, and a zero value will be treated as an OK status, otherwise
 * the value will be multiplied by the weight". For real servers, "the limits of values read
 * from the track file are 2147483648 to -2147483648" and a product at or below the bottom of
 * that range puts the checker in FAULT (our reading of the man page's "<= than 2147483648",
 * the real-server twin of the VRRP rule "less than -253 ... fault").
 *
 * <p>Not yet: {@code dynamic} (adding value × weight to quorum and the IPVS weight is the
 * facade's IPVS job; the product is in {@link FailureReason.TrackFileValue} only on failure).
 *
 * @param file    the {@code track_file}'s {@code file}
 * @param weight  FILE_CHECK {@code weight}, else the track_file's (default 1)
 * @param reverse {@code weight ... reverse}: negate the product
 */
public record FileCheck(CheckTarget target, CheckOptions options, Path file, int weight, boolean reverse)
        implements CheckSpec {

    /** The bottom of the range the man page gives for real servers. */
    static final long FAULT_AT_OR_BELOW = -2147483648L;

    public FileCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(file, "file");
        if (weight == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("weight must be -2147483647..2147483647: " + weight);
        }
    }

    /** FILE_CHECK with default options (read every delay_loop, retry 0) and {@code weight}. */
    public static FileCheck of(CheckTarget target, Path file, int weight) {
        return new FileCheck(target, CheckOptions.defaults(CheckType.FILE_CHECK), file, weight, false);
    }

    public FileCheck withOptions(CheckOptions value) {
        return new FileCheck(target, value, file, weight, reverse);
    }

    public FileCheck withReverse(boolean value) {
        return new FileCheck(target, options, file, weight, value);
    }

    @Override
    public CheckType type() {
        return CheckType.FILE_CHECK;
    }
}
