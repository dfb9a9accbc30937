package dev.rollgate.console.rollouts;

import dev.rollgate.console.policies.PolicyInterpreter;
import dev.rollgate.console.policies.PolicyReading;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.Rollout;

import java.util.Optional;

/** Names a rollout's current stage from the policy text it was started with. */
final class StageNames {
    private StageNames() {
    }

    static Optional<RolloutPolicy> policyOf(Rollout rollout, PolicyInterpreter interpreter) {
        return interpreter.read(rollout.policyYaml(), rollout.policyName()) instanceof PolicyReading.Valid valid
                ? Optional.of(valid.policy()) : Optional.empty();
    }

    static String stageName(Optional<RolloutPolicy> policy, int index) {
        return policy.filter(p -> index >= 0 && index < p.stages().size())
                .map(p -> p.stage(index).name())
                .orElse("stage " + (index + 1));
    }
}
