package dev.rollgate.lambda.codedeploy;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InvalidInputException;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.MutableClock;
import dev.rollgate.core.workflow.LifecycleHookStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CodeDeploy BeforeAllowTraffic and AfterAllowTraffic hooks, on the core hook use case with in-memory ports. */
class HookHandlersTest {
    private static final int CANARY = 1;
    private final HandlerFixture fixture = new HandlerFixture();
    private final MutableClock clock = new MutableClock(HandlerFixture.NOW);
    private int waits;
    /** Each wait moves the clock one poll interval; the invocation allows {@code allowedWaits} of them. */
    private int allowedWaits;
    private final HookWait wait = context -> {
        if (waits >= allowedWaits) {
            return false;
        }
        waits++;
        clock.advance(HookWait.POLL_INTERVAL);
        return true;
    };
    private final BeforeAllowTrafficHookHandler before = new BeforeAllowTrafficHookHandler(
            () -> fixture.components, clock, fixture.telemetry, wait);
    private final AfterAllowTrafficHookHandler after = new AfterAllowTrafficHookHandler(
            () -> fixture.components, clock, fixture.telemetry, wait);

    @Test
    void reportsSucceededOnceTheDeploymentsRolloutPassedItsGate() {
        rolloutOwning("d-ABC", RolloutStatus.CANARY, CANARY);

        Map<String, Object> out = before.handleRequest(hookEvent("d-ABC"), null);

        assertThat(fixture.ports.hookReports).containsExactly("d-ABC/hook-1=SUCCEEDED");
        assertThat(out).containsEntry("status", "SUCCEEDED").containsEntry("report", "REPORTED");
    }

    @Test
    void reportsFailedWhenTheRolloutRolledBack() {
        rolloutOwning("d-DEF", RolloutStatus.ROLLED_BACK, CANARY);

        Map<String, Object> out = after.handleRequest(hookEvent("d-DEF"), null);

        assertThat(fixture.ports.hookReports).containsExactly("d-DEF/hook-1=FAILED");
        assertThat(out).containsEntry("status", "FAILED");
        assertThat(fixture.telemetry.invocations).containsExactly("after-allow-traffic-hook=FAILED");
    }

    @Test
    void keepsAskingWithinTheInvocationWhileTheGateIsPendingAndReportsWhenItDecides() {
        String id = rolloutOwning("d-GHI", RolloutStatus.CANARY, CANARY);
        // The canary is still judged when CodeDeploy reaches 100 %; the workflow confirms full traffic meanwhile.
        allowedWaits = 5;
        HookWait promoteAfterTwoWaits = context -> {
            boolean waited = wait.waitBeforeAskingAgain(context);
            if (waits == 2) {
                move(id, RolloutStatus.BAKING, 3);
            }
            return waited;
        };
        AfterAllowTrafficHookHandler polling = new AfterAllowTrafficHookHandler(() -> fixture.components, clock,
                fixture.telemetry, promoteAfterTwoWaits);

        Map<String, Object> out = polling.handleRequest(hookEvent("d-GHI"), null);

        assertThat(out).containsEntry("status", "SUCCEEDED").containsEntry("asked", 3);
        assertThat(fixture.ports.hookReports).containsExactly("d-GHI/hook-1=SUCCEEDED");
    }

    @Test
    void leavesAStillPendingHookUnreportedWhenTheInvocationRunsOutOfTime() {
        rolloutOwning("d-JKL", RolloutStatus.HOLD, CANARY);
        allowedWaits = 2;

        Map<String, Object> out = after.handleRequest(hookEvent("d-JKL"), null);

        assertThat(out).containsEntry("status", "PENDING").containsEntry("report", "NONE").containsEntry("asked", 3);
        assertThat(fixture.ports.hookReports).isEmpty();
    }

    @Test
    void failsClosedForADeploymentRollgateDidNotStart() {
        allowedWaits = 1_000;

        Map<String, Object> out = before.handleRequest(hookEvent("d-SAM"), null);

        assertThat(fixture.ports.hookReports).containsExactly("d-SAM/hook-1=FAILED");
        assertThat((String) out.get("reason")).contains("not started by rollgate");
        // It waited out the grace for a deployment whose record is still being written, then decided.
        assertThat(Duration.ofSeconds(15L * waits)).isGreaterThanOrEqualTo(LifecycleHookStep.RECORD_GRACE);
    }

    @Test
    void aRetriedHookFindsItsReportAlreadyCompleted() {
        rolloutOwning("d-MNO", RolloutStatus.CANARY, CANARY);
        before.handleRequest(hookEvent("d-MNO"), null);

        Map<String, Object> again = before.handleRequest(hookEvent("d-MNO"), null);

        assertThat(again).containsEntry("report", "ALREADY_COMPLETED");
    }

    @Test
    void anEventWithoutTheHookExecutionIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> before.handleRequest(map("DeploymentId", "d-1"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'LifecycleEventHookExecutionId': required");
        assertThat(fixture.ports.hookReports).isEmpty();
    }

    @Test
    void theComponentsWireTheHookUseCase() {
        assertThat(new LambdaComponents(fixture.ports).hooks()).isInstanceOf(LifecycleHookStep.class);
    }

    private String rolloutOwning(String deploymentId, RolloutStatus status, int stage) {
        String id = "r-" + deploymentId;
        fixture.ports.stores.rollouts().create(new NewRollout(id, "acme", "support-agent", "42", "41", "alice",
                "default", 1, HandlerFixture.POLICY_YAML), HandlerFixture.NOW);
        move(id, status, stage);
        fixture.ports.deploymentGuard.claim(id, 1, CANARY);
        fixture.ports.deploymentGuard.recordDeployment(id, 1, CANARY, deploymentId);
        return id;
    }

    private void move(String id, RolloutStatus status, int stage) {
        Rollout r = fixture.ports.stores.rollouts().get(id).orElseThrow();
        fixture.ports.stores.rollouts().update(new RolloutChange(id, r.version(), new RolloutState(status, stage, 0,
                HandlerFixture.NOW, HandlerFixture.NOW, "TEST_SETUP"), Optional.empty(), HandlerFixture.NOW, List.of()));
    }

    private static Map<String, Object> hookEvent(String deploymentId) {
        return map("DeploymentId", deploymentId, "LifecycleEventHookExecutionId", "hook-1");
    }
}
