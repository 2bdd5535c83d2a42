package io.keepalivedj.testing;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a tier's gate before the class (and before each method, for methods annotated alone):
 * {@link TierVerdict.Skip} disables the class or method with the message as the reason,
 * {@link TierVerdict.Fail} fails it. Skipping is an execution condition rather than an abort in
 * beforeAll because surefire drops a class-level abort silently ("Tests run: 0"), while it lists
 * each disabled test as skipped with the reason. Subclasses bind the tier; see {@link NetnsTest}
 * and {@link KernelVmTest}.
 */
abstract class TierGateExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

    /** Probed once per JVM and tier: the host does not change during a test run. */
    private static final Map<Tier, TierVerdict> VERDICTS = new ConcurrentHashMap<>();

    private final Supplier<TierVerdict> verdict;

    /** The production gate: probes this host once per tier and reads CI from the environment. */
    TierGateExtension(Tier tier) {
        this(() -> VERDICTS.computeIfAbsent(tier, t -> {
            HostProbe host = new LocalHostProbe();
            return TierGate.decide(t, TierPrerequisites.of(t, host), host.env());
        }));
    }

    /** For tests: any verdict source. */
    TierGateExtension(Supplier<TierVerdict> verdict) {
        this.verdict = Objects.requireNonNull(verdict, "verdict");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        TierVerdict v = verdict.get();
        if (v instanceof TierVerdict.Skip skip) {
            return ConditionEvaluationResult.disabled(skip.message());
        }
        return ConditionEvaluationResult.enabled("tier prerequisites met, or CI (then beforeAll fails)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        enforce();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        enforce();
    }

    void enforce() {
        TierVerdict v = verdict.get();
        if (v instanceof TierVerdict.Run) {
            return;
        }
        if (v instanceof TierVerdict.Skip skip) {
            Assumptions.abort(skip.message());
        }
        if (v instanceof TierVerdict.Fail fail) {
            Assertions.fail(fail.message());
        }
        throw new AssertionError(v);
    }
}
