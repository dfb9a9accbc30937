package dev.rollgate.core.workflow.bind;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.TrafficDriverKind;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.TrafficTarget;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a rollout's traffic is moved: the agent's function (named after the agent unless configured) and alias,
 * and for the codedeploy driver the application, deployment group and hooks of the installation. The target
 * carries the rollout's current run, so the CodeDeploy driver shifts, promotes and restores with that run's
 * deployment.
 */
public record TrafficTargets(String aliasName, Optional<String> functionName, Optional<CodeDeploySettings> codeDeploy) {
    public TrafficTargets {
        Objects.requireNonNull(aliasName, "aliasName");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(codeDeploy, "codeDeploy");
    }

    /** The installation's CodeDeploy resources, used by policies with {@code driver: codedeploy}. */
    public record CodeDeploySettings(String applicationName, String deploymentGroup, String beforeAllowTrafficHook,
                                     String afterAllowTrafficHook) {
    }

    public TrafficTarget of(Rollout rollout, RolloutPolicy policy) {
        String function = functionName.orElse(rollout.agent());
        if (policy.driver() == TrafficDriverKind.ALIAS) {
            return TrafficTarget.alias(rollout.id(), function, aliasName, rollout.baselineVersion(),
                    rollout.candidateVersion()).inRun(rollout.state().run());
        }
        CodeDeploySettings cd = codeDeploy.orElseThrow(() -> new IllegalStateException(
                "policy " + policy.name() + " uses the codedeploy driver but this installation has no CodeDeploy "
                        + "application configured"));
        return TrafficTarget.codeDeploy(rollout.id(), function, aliasName, rollout.baselineVersion(),
                rollout.candidateVersion(), CodeDeployCanary.fromPolicy(policy, cd.applicationName(),
                        cd.deploymentGroup(), cd.beforeAllowTrafficHook(), cd.afterAllowTrafficHook()))
                .inRun(rollout.state().run());
    }
}
