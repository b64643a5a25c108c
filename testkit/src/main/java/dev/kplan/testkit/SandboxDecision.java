package dev.kplan.testkit;

import java.util.Optional;

/**
 * What an integration test does about the sandbox: run, or, when it is missing, be skipped (a developer's machine)
 * or fail (CI, where a missing sandbox is a broken pipeline and a skip would hide it).
 */
public enum SandboxDecision {
    RUN,
    SKIP,
    FAIL;

    public static SandboxDecision decide(Optional<String> whyUnavailable, boolean ci) {
        if (whyUnavailable.isEmpty()) {
            return RUN;
        }
        return ci ? FAIL : SKIP;
    }

    /** CI systems set {@code CI} (to "true", "1", …); an empty value or "false" means not CI. */
    public static boolean inCi(String ciVariable) {
        return ciVariable != null && !ciVariable.isBlank() && !ciVariable.equalsIgnoreCase("false")
                && !ciVariable.equals("0");
    }
}
