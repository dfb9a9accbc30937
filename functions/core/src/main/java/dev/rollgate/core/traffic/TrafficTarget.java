package dev.rollgate.core.traffic;

import dev.rollgate.core.policy.TrafficDriverKind;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose traffic a driver moves: the agent function's alias, split between the baseline version (what runs
 * now) and the candidate version (the release). The CodeDeploy part is present exactly when the driver is
 * {@link TrafficDriverKind#CODEDEPLOY}. {@code run} is the rollout's run (see
 * {@link dev.rollgate.core.lifecycle.RolloutState#run()}): the CodeDeploy driver starts one deployment per run.
 */
public record TrafficTarget(String rolloutId, int run, String functionName, String aliasName, String baselineVersion,
                            String candidateVersion, TrafficDriverKind driver, Optional<CodeDeployCanary> codeDeploy) {
    public TrafficTarget {
        requireText(rolloutId, "rolloutId");
        if (run < 1) {
            throw new IllegalArgumentException("traffic target of rollout " + rolloutId + ": run must be >= 1, was "
                    + run);
        }
        requireText(functionName, "functionName");
        requireText(aliasName, "aliasName");
        requireText(baselineVersion, "baselineVersion");
        requireText(candidateVersion, "candidateVersion");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(codeDeploy, "codeDeploy");
        if (baselineVersion.equals(candidateVersion)) {
            throw new IllegalArgumentException("traffic target of rollout " + rolloutId
                    + ": candidateVersion equals baselineVersion (" + baselineVersion + ")");
        }
        if (driver == TrafficDriverKind.CODEDEPLOY && codeDeploy.isEmpty()) {
            throw new IllegalArgumentException("traffic target of rollout " + rolloutId
                    + ": driver codedeploy needs the codeDeploy settings (application, group, canary)");
        }
        if (driver == TrafficDriverKind.ALIAS && codeDeploy.isPresent()) {
            throw new IllegalArgumentException("traffic target of rollout " + rolloutId
                    + ": driver alias takes no codeDeploy settings");
        }
    }

    /** An alias target in the rollout's first run; see {@link #inRun}. */
    public static TrafficTarget alias(String rolloutId, String functionName, String aliasName, String baselineVersion,
                                      String candidateVersion) {
        return new TrafficTarget(rolloutId, 1, functionName, aliasName, baselineVersion, candidateVersion,
                TrafficDriverKind.ALIAS, Optional.empty());
    }

    /** A codedeploy target in the rollout's first run; see {@link #inRun}. */
    public static TrafficTarget codeDeploy(String rolloutId, String functionName, String aliasName,
                                           String baselineVersion, String candidateVersion,
                                           CodeDeployCanary canary) {
        return new TrafficTarget(rolloutId, 1, functionName, aliasName, baselineVersion, candidateVersion,
                TrafficDriverKind.CODEDEPLOY, Optional.of(canary));
    }

    /** This target in run {@code run} of the rollout. */
    public TrafficTarget inRun(int run) {
        return new TrafficTarget(rolloutId, run, functionName, aliasName, baselineVersion, candidateVersion, driver,
                codeDeploy);
    }

    /** The CodeDeploy settings; only call for a codedeploy target. */
    public CodeDeployCanary requireCodeDeploy() {
        return codeDeploy.orElseThrow(() -> new IllegalStateException("traffic target of rollout " + rolloutId
                + " uses driver " + driver.wireName() + ", not codedeploy"));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("traffic target: " + field + " must be non-blank");
        }
    }
}
