package io.keepalivedj.testing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tier decision, pure so it is unit-tested without root: prerequisites + the environment in,
 * verdict out. DESIGN.md "Test tiers": a tier that cannot run fails in CI with a message naming
 * what is missing; elsewhere it is skipped with that same message.
 */
public final class TierGate {

    /** The environment variable CI systems set (GitHub Actions, GitLab, Jenkins' plugins) to "true". */
    public static final String CI_VARIABLE = "CI";

    private TierGate() {
    }

    /** True when {@code env} says this is a CI run ({@code CI=true}, any letter case). */
    public static boolean isCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault(CI_VARIABLE, "").trim());
    }

    /** Decides whether a test of {@code tier} runs, is skipped or fails. */
    public static TierVerdict decide(Tier tier, List<Prerequisite> prerequisites, Map<String, String> env) {
        List<Prerequisite> missing = prerequisites.stream().filter(p -> !p.met()).collect(Collectors.toList());
        if (missing.isEmpty()) {
            return new TierVerdict.Run();
        }
        String message = message(tier, missing, isCi(env));
        return isCi(env) ? new TierVerdict.Fail(message) : new TierVerdict.Skip(message);
    }

    /** One line per missing prerequisite: what, what the probe saw, how to get it. */
    static String message(Tier tier, List<Prerequisite> missing, boolean ci) {
        StringBuilder sb = new StringBuilder()
                .append("test tier '").append(tier.tag()).append("' cannot run here")
                .append(ci ? " (CI=true, so this is a failure, not a skip)" : " (skipped; CI=true would fail)")
                .append("; missing:");
        for (Prerequisite p : missing) {
            sb.append("\n  - ").append(p.what());
            if (!p.detail().isEmpty()) {
                sb.append(" [").append(p.detail()).append(']');
            }
            sb.append(": ").append(p.remedy());
        }
        return sb.toString();
    }
}
