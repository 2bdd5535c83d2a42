package io.keepalivedj.check;

/** Handle the {@link CheckScheduler} gives a check when it is added. */
public record CheckId(long value) {
    public CheckId {
        if (value <= 0) {
            throw new IllegalArgumentException("check ids start at 1: " + value);
        }
    }

    @Override
    public String toString() {
        return "check#" + value;
    }
}
