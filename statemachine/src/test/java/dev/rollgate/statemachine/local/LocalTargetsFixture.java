package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.TrafficTarget;

import java.time.Instant;

/** Targets for one local agent alias {@code agent:live}, baseline version 1, candidate version 2. */
final class LocalTargetsFixture {
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final String FUNCTION = "agent";
    static final String ALIAS = "live";
    static final int CANARY_STAGE = 1;
    static final int CANARY_PERCENT = 10;
    static final int INTERVAL_MINUTES = 30;

    private LocalTargetsFixture() {
    }

    static TrafficTarget aliasTarget() {
        return TrafficTarget.alias("rollout-1", FUNCTION, ALIAS, "1", "2");
    }

    static TrafficTarget codeDeployTarget(String rolloutId) {
        return codeDeployTarget(rolloutId, "group-a");
    }

    static TrafficTarget codeDeployTarget(String rolloutId, String group) {
        return TrafficTarget.codeDeploy(rolloutId, FUNCTION, ALIAS, "1", "2", new CodeDeployCanary("agent-app", group,
                CANARY_STAGE, CANARY_PERCENT, INTERVAL_MINUTES, "rollgate-before-hook", "rollgate-after-hook"));
    }
}
