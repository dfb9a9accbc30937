package dev.rollgate.core.workflow.bind;

import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.TrafficDriverKind;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.workflow.TrafficNotSettledException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverTrafficControlTest {
    private static final String POLICY = """
            driver: codedeploy
            stages:
              - {name: shadow, type: shadow, duration: 10m}
              - {name: canary, type: canary, weight: 10, duration: 30m}
              - {name: full, type: full}
            """;
    private final RolloutPolicy policy = ((PolicyParseResult.Valid) PolicyParser.parse(POLICY, "cd")).policy();
    private final Rollout rollout = Rollout.created(new NewRollout("r-1", "acme", "agent", "v2", "v1", "alice",
            "cd", 1, POLICY), Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void aClaimStillWithoutItsDeploymentIsRetriedNotRolledBack() {
        DriverTrafficControl control = controlAnswering(RefusalReason.CLAIM_WITHOUT_DEPLOYMENT);

        assertThatThrownBy(() -> control.shift(rollout, policy, 1, 10))
                .isInstanceOf(TrafficNotSettledException.class)
                .hasMessageContaining("r-1").hasMessageContaining("claim_without_deployment");
    }

    @Test
    void aCanaryIntervalNotYetOverIsRetriedNotRolledBack() {
        DriverTrafficControl control = controlAnswering(RefusalReason.AWAITING_CANARY_INTERVAL);

        assertThatThrownBy(() -> control.shift(rollout, policy, 2, 100))
                .isInstanceOf(TrafficNotSettledException.class).hasMessageContaining("awaiting_canary_interval");
    }

    @Test
    void aRefusalByThePlatformsRulesStillRollsBack() {
        DriverTrafficControl control = controlAnswering(RefusalReason.DEPLOYMENT_IN_PROGRESS);

        assertThatThrownBy(() -> control.shift(rollout, policy, 1, 10))
                .isInstanceOf(TrafficRefusedException.class).hasMessageContaining("DEPLOYMENT_IN_PROGRESS");
    }

    @Test
    void theErrorNameIsTheOneTheWorkflowRetries() {
        // rollout.asl.json retries this exact name; renaming the class would silently turn retries into rollbacks.
        assertThat(TrafficNotSettledException.class.getName())
                .isEqualTo("dev.rollgate.core.workflow.TrafficNotSettledException");
    }

    private DriverTrafficControl controlAnswering(RefusalReason reason) {
        ShiftOutcome refused = new ShiftOutcome.Refused(reason, "because");
        TrafficDriver driver = new TrafficDriver() {
            @Override
            public ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
                return refused;
            }

            @Override
            public ShiftOutcome restoreBaseline(TrafficTarget target) {
                return new ShiftOutcome.Unchanged(0);
            }

            @Override
            public ShiftOutcome promote(TrafficTarget target) {
                return refused;
            }

            @Override
            public int currentWeight(TrafficTarget target) {
                return 0;
            }
        };
        return new DriverTrafficControl(Map.of(TrafficDriverKind.CODEDEPLOY, driver), new TrafficTargets("live",
                Optional.empty(), Optional.of(new TrafficTargets.CodeDeploySettings("app", "group", "before", "after"))));
    }
}
