package io.keepalivedj.check;

import java.util.Objects;
import java.util.Optional;

/** One check in a {@link CheckScheduler#snapshot()}: its spec, retry state and last result. */
public record CheckStatus(CheckId id, CheckSpec spec, CheckerState state, Optional<CheckResult> lastResult) {
    public CheckStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastResult, "lastResult");
    }

    public Health health() {
        return state.health();
    }
}
