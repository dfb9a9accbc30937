package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.TrafficTarget;

/** Targets on the alias {@code agent:live}: baseline version 1, candidate version 2. */
final class TrafficTargetsFixture {
    static final int CANARY_STAGE = 1;

    private TrafficTargetsFixture() {
    }

    static TrafficTarget aliasTarget() {
        return TrafficTarget.alias("rollout-1", "agent", "live", "1", "2");
    }

    static TrafficTarget codeDeployTarget(String rolloutId) {
        return TrafficTarget.codeDeploy(rolloutId, "agent", "live", "1", "2", canary());
    }

    static CodeDeployCanary canary() {
        return new CodeDeployCanary("agent-app", "agent-group", CANARY_STAGE, 10, 30, "rollgate-before-hook",
                "rollgate-after-hook");
    }
}
