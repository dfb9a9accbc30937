package dev.rollgate.core.traffic;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;

import java.util.List;
import java.util.Objects;

/**
 * What the CodeDeploy driver needs beyond the alias: where to deploy, the policy's single canary stage as a
 * TimeBasedCanary (percentage and interval), and the two lifecycle hook functions that gate it.
 *
 * @param applicationName        CodeDeploy application (compute platform Lambda)
 * @param deploymentGroup        deployment group of that application; one deployment runs in it at a time
 * @param canaryStageIndex       index of the canary stage in the policy; the deployment is guarded under it
 * @param canaryPercentage       traffic on the candidate during the interval, 1..99
 * @param intervalMinutes        minutes before CodeDeploy shifts to 100 % by itself, 1..2880
 * @param beforeAllowTrafficHook function name or ARN of the BeforeAllowTraffic hook (preflight and shadow gate)
 * @param afterAllowTrafficHook  function name or ARN of the AfterAllowTraffic hook (post-promotion checks)
 */
public record CodeDeployCanary(String applicationName, String deploymentGroup, int canaryStageIndex,
                               int canaryPercentage, int intervalMinutes, String beforeAllowTrafficHook,
                               String afterAllowTrafficHook) {
    public static final int MAX_CANARY_PERCENTAGE = 99;
    public static final int MAX_INTERVAL_MINUTES = 2880;

    public CodeDeployCanary {
        requireText(applicationName, "applicationName");
        requireText(deploymentGroup, "deploymentGroup");
        requireText(beforeAllowTrafficHook, "beforeAllowTrafficHook");
        requireText(afterAllowTrafficHook, "afterAllowTrafficHook");
        if (canaryStageIndex < 0) {
            throw new IllegalArgumentException("codeDeploy.canaryStageIndex must be >= 0, was " + canaryStageIndex);
        }
        if (canaryPercentage < 1 || canaryPercentage > MAX_CANARY_PERCENTAGE) {
            throw new IllegalArgumentException("codeDeploy.canaryPercentage must be 1.." + MAX_CANARY_PERCENTAGE
                    + " (TimeBasedCanary limit), was " + canaryPercentage);
        }
        if (intervalMinutes < 1 || intervalMinutes > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("codeDeploy.intervalMinutes must be 1.." + MAX_INTERVAL_MINUTES
                    + " (TimeBasedCanary limit), was " + intervalMinutes);
        }
    }

    /**
     * Reads percentage and interval from the policy's single canary stage; the interval is the stage's minimum
     * duration rounded up to whole minutes, as the policy validation computes it.
     */
    public static CodeDeployCanary fromPolicy(RolloutPolicy policy, String applicationName, String deploymentGroup,
                                              String beforeAllowTrafficHook, String afterAllowTrafficHook) {
        Objects.requireNonNull(policy, "policy");
        List<Stage> stages = policy.stages();
        int canaryIndex = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).type() == StageType.CANARY) {
                if (canaryIndex >= 0) {
                    throw new IllegalArgumentException("policy '" + policy.name() + "' has more than one canary stage ("
                            + stages.get(canaryIndex).name() + ", " + stages.get(i).name()
                            + "); the codedeploy driver supports exactly one: use driver alias");
                }
                canaryIndex = i;
            }
        }
        if (canaryIndex < 0) {
            throw new IllegalArgumentException("policy '" + policy.name()
                    + "' has no canary stage; the codedeploy driver needs exactly one");
        }
        Stage canary = stages.get(canaryIndex);
        long minutes = (canary.minDuration().getSeconds() + 59) / 60;
        if (minutes > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("stage '" + canary.name() + "' lasts " + minutes
                    + " minutes; the codedeploy interval is at most " + MAX_INTERVAL_MINUTES);
        }
        return new CodeDeployCanary(applicationName, deploymentGroup, canaryIndex, canary.weight(), (int) minutes,
                beforeAllowTrafficHook, afterAllowTrafficHook);
    }

    /** Name of the custom deployment config; equal settings share one config. */
    public String deploymentConfigName() {
        return "rollgate-Canary" + canaryPercentage + "Percent" + intervalMinutes + "Minutes";
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("codeDeploy." + field + " must be a non-blank name");
        }
    }
}
