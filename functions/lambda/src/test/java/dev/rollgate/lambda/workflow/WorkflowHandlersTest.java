package dev.rollgate.lambda.workflow;

import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.state.StateAccessException;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StageJudge;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InvalidInputException;
import dev.rollgate.lambda.runtime.MutableClock;
import dev.rollgate.lambda.start.StartRolloutHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workflow handlers driven the way rollout.asl.json drives them, over in-memory ports. */
class WorkflowHandlersTest {
    private final HandlerFixture fixture = new HandlerFixture();
    private final MutableClock clock = new MutableClock(HandlerFixture.NOW);
    private final StartRolloutHandler start = new StartRolloutHandler(() -> fixture.components, clock,
            fixture.telemetry);
    private final PreflightHandler preflight = new PreflightHandler(() -> fixture.components, clock,
            fixture.telemetry);
    private final ShiftTrafficHandler shift = new ShiftTrafficHandler(() -> fixture.components, clock,
            fixture.telemetry);
    private final EvaluateHandler evaluate = new EvaluateHandler(() -> fixture.components, clock, fixture.telemetry);
    private final RequestApprovalHandler requestApproval = new RequestApprovalHandler(() -> fixture.components,
            clock, fixture.telemetry);
    private final RollBackHandler rollBack = new RollBackHandler(() -> fixture.components, clock, fixture.telemetry);
    private final RecordOutcomeHandler recordOutcome = new RecordOutcomeHandler(() -> fixture.components, clock,
            fixture.telemetry);

    @Test
    void aHealthyRolloutWalksFromPreflightToPromotedAtFullTraffic() {
        String rolloutId = started("healthy-1");

        List<String> route = new ArrayList<>();
        Map<String, Object> outcome = walk(rolloutId, route);

        assertThat(outcome).containsEntry("status", "PROMOTED").containsEntry("rolloutId", rolloutId);
        assertThat(fixture.ports.trafficShifts).containsExactly(10, 50, 100);
        assertThat(fixture.ports.baselineRestores).isZero();
        // Shadow observation first (no traffic), then a shift per traffic stage, then the bake, then FINISH.
        assertThat(route).startsWith("OBSERVE").contains("SHIFT_TRAFFIC").endsWith("FINISH");
        assertThat(route.stream().filter("SHIFT_TRAFFIC"::equals).count()).isEqualTo(3);
        assertThat(fixture.ports.publishedStatuses).contains("PROMOTED");
        assertThat(fixture.telemetry.invocations).contains("preflight=OBSERVE", "record-outcome=PROMOTED");
    }

    @Test
    void aFailedPreflightRollsBackWithoutEverShiftingTraffic() {
        fixture.ports.preflight = () -> new PreflightCheck.Result.Failed("DENY on topic job.refund",
                Map.of("simulate", "DENY"));
        String rolloutId = started("deny-1");

        Map<String, Object> outcome = walk(rolloutId, new ArrayList<>());

        assertThat(outcome.get("status")).isIn("ROLLED_BACK", "ABORTED", "FAILED");
        assertThat(fixture.ports.trafficShifts).isEmpty();
    }

    @Test
    void aFailingJudgeRollsTheCanaryBackToTheBaseline() {
        fixture.ports.judge = () -> new StageJudge.Assessment(Optional.empty(), VerdictOutcome.ROLLBACK, 20,
                List.of("FAIL"), Map.of());
        String rolloutId = started("fail-1");

        Map<String, Object> outcome = walk(rolloutId, new ArrayList<>());

        assertThat(outcome).containsEntry("status", "ROLLED_BACK");
        assertThat(fixture.ports.baselineRestores).isPositive();
    }

    @Test
    void aMarginalScoreWaitsForApprovalWithTheTokenStoredAndNeverReturned() {
        fixture.ports.judge = () -> new StageJudge.Assessment(Optional.empty(), VerdictOutcome.HOLD, 85,
                List.of("MARGINAL"), Map.of());
        String rolloutId = started("marginal-1");
        Map<String, Object> step = preflight.handleRequest(map("rolloutId", rolloutId), null);
        step = shift.handleRequest(map("rolloutId", rolloutId, "stageIndex", step.get("stageIndex"), "weight",
                step.get("weight")), null);
        while (!"AWAIT_APPROVAL".equals(step.get("next"))) {
            clock.advance(Duration.ofSeconds(((Number) step.get("waitSeconds")).longValue()));
            step = evaluate.handleRequest(map("rolloutId", rolloutId, "stageIndex", step.get("stageIndex"),
                    "kind", "INTERVAL"), null);
        }
        assertThat(((Number) step.get("approvalTimeoutSeconds")).longValue()).isPositive();

        Map<String, Object> requested = requestApproval.handleRequest(map("rolloutId", rolloutId, "stageIndex",
                step.get("stageIndex"), "taskToken", "token-secret-123"), null);

        assertThat(requested.toString()).doesNotContain("token-secret-123");
        var pending = fixture.ports.stores.approvals().pending("acme",
                dev.rollgate.core.state.PageRequest.first(10)).items();
        assertThat(pending).singleElement().satisfies(r -> {
            assertThat(r.rolloutId()).isEqualTo(rolloutId);
            assertThat(r.taskToken()).isEqualTo("token-secret-123");
        });
    }

    @Test
    void theApprovalTimeoutKindResolvesAsRejected() {
        fixture.ports.judge = () -> new StageJudge.Assessment(Optional.empty(), VerdictOutcome.HOLD, 85,
                List.of("MARGINAL"), Map.of());
        String rolloutId = started("timeout-1");
        Map<String, Object> step = preflight.handleRequest(map("rolloutId", rolloutId), null);
        step = shift.handleRequest(map("rolloutId", rolloutId, "stageIndex", step.get("stageIndex"), "weight",
                step.get("weight")), null);
        while (!"AWAIT_APPROVAL".equals(step.get("next"))) {
            clock.advance(Duration.ofSeconds(((Number) step.get("waitSeconds")).longValue()));
            step = evaluate.handleRequest(map("rolloutId", rolloutId, "stageIndex", step.get("stageIndex"),
                    "kind", "INTERVAL"), null);
        }
        requestApproval.handleRequest(map("rolloutId", rolloutId, "stageIndex", step.get("stageIndex"),
                "taskToken", "t-1"), null);

        Map<String, Object> after = evaluate.handleRequest(map("rolloutId", rolloutId, "stageIndex",
                step.get("stageIndex"), "kind", "approval_timed_out"), null);

        assertThat(after).containsEntry("next", "ROLL_BACK");
    }

    @Test
    void theStepOutputHasExactlyTheFieldsTheStateMachineReads() {
        String rolloutId = started("fields-1");

        Map<String, Object> step = preflight.handleRequest(map("rolloutId", rolloutId), null);

        assertThat(step).containsOnlyKeys("rolloutId", "next", "status", "stageIndex", "weight", "waitSeconds",
                "approvalTimeoutSeconds");
        assertThat(step.get("stageIndex")).isInstanceOf(Integer.class);
        assertThat(step.get("waitSeconds")).isInstanceOf(Long.class);
    }

    @Test
    void aMissingRolloutIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> preflight.handleRequest(map("rollout", "r-1"), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("field 'rolloutId': required");
        assertThat(fixture.telemetry.invocations).containsExactly("preflight=ERROR");
    }

    @Test
    void aNullEventIsRefusedInsteadOfCrashing() {
        assertThatThrownBy(() -> recordOutcome.handleRequest(null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected a JSON object");
    }

    @Test
    void aStageIndexOfTheWrongTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> shift.handleRequest(map("rolloutId", "r-1", "stageIndex", "one", "weight", 10),
                null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'stageIndex': expected an integer, got a String");
    }

    @Test
    void aWeightAboveOneHundredIsRefused() {
        assertThatThrownBy(() -> shift.handleRequest(map("rolloutId", "r-1", "stageIndex", 1, "weight", 150), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'weight': must be between 0 and 100");
    }

    @Test
    void anUnknownEvaluationKindIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> evaluate.handleRequest(map("rolloutId", "r-1", "stageIndex", 0, "kind", "SOON"),
                null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'kind': unknown value 'SOON'").hasMessageContaining("APPROVAL_TIMED_OUT");
    }

    @Test
    void aRollbackForAWorkflowErrorNeedsTheCaughtError() {
        assertThatThrownBy(() -> rollBack.handleRequest(map("rolloutId", "r-1", "reason", "WORKFLOW_ERROR"), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("field 'error': required");
        assertThatThrownBy(() -> rollBack.handleRequest(map("rolloutId", "r-1", "reason", "WORKFLOW_ERROR",
                "error", map("Cause", "boom")), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("field 'error.Error': required");
    }

    @Test
    void aRollbackAfterAWorkflowErrorRestoresTheBaselineAndRecordsTheError() {
        String rolloutId = started("error-1");
        preflight.handleRequest(map("rolloutId", rolloutId), null);

        Map<String, Object> step = rollBack.handleRequest(map("rolloutId", rolloutId, "reason", "WORKFLOW_ERROR",
                "error", map("Error", "States.Timeout", "Cause", "x".repeat(5000))), null);

        assertThat(fixture.ports.baselineRestores).isEqualTo(1);
        assertThat(step).containsEntry("next", "FINISH");
        var history = fixture.ports.stores.history().read(rolloutId,
                dev.rollgate.core.state.PageRequest.first(50)).items();
        assertThat(history).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("WORKFLOW_ERROR");
            assertThat(e.detail().get("error")).startsWith("States.Timeout: ").hasSizeLessThan(400);
        });
    }

    @Test
    void aTransientStoreFailureIsReportedAsRetryableForTheStateMachine() {
        fixture.ports.preflight = () -> {
            throw new StateAccessException("throttled");
        };
        String rolloutId = started("retry-1");

        assertThatThrownBy(() -> preflight.handleRequest(map("rolloutId", rolloutId), null))
                .isInstanceOf(Rollgate.Retryable.class).hasCauseInstanceOf(StateAccessException.class);
        assertThat(Rollgate.Retryable.class.getName()).isEqualTo("Rollgate.Retryable");
    }

    @Test
    void recordingTheOutcomeOfARunningRolloutIsAnErrorSoTheCatchPathRestoresTraffic() {
        String rolloutId = started("early-1");

        assertThatThrownBy(() -> recordOutcome.handleRequest(map("rolloutId", rolloutId), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PENDING");
    }

    private String started(String key) {
        Map<String, Object> out = start.handleRequest(HandlerFixture.startRequest(key), null);
        assertThat(out).containsEntry("outcome", "STARTED");
        return (String) out.get("rolloutId");
    }

    /** Follows the Route state of rollout.asl.json until FINISH; returns RecordOutcome's output. */
    private Map<String, Object> walk(String rolloutId, List<String> route) {
        Map<String, Object> step = preflight.handleRequest(map("rolloutId", rolloutId), null);
        for (int i = 0; i < 5000; i++) {
            String next = (String) step.get("next");
            route.add(next);
            switch (next) {
                case "SHIFT_TRAFFIC" -> step = shift.handleRequest(map("rolloutId", rolloutId, "stageIndex",
                        step.get("stageIndex"), "weight", step.get("weight")), null);
                case "OBSERVE" -> {
                    clock.advance(Duration.ofSeconds(((Number) step.get("waitSeconds")).longValue()));
                    step = evaluate.handleRequest(map("rolloutId", rolloutId, "stageIndex", step.get("stageIndex"),
                            "kind", "INTERVAL"), null);
                }
                case "ROLL_BACK" -> step = rollBack.handleRequest(map("rolloutId", rolloutId, "reason", "LIFECYCLE"),
                        null);
                case "FINISH" -> {
                    return recordOutcome.handleRequest(map("rolloutId", rolloutId), null);
                }
                default -> throw new AssertionError("unexpected next step " + next + " after " + route);
            }
        }
        throw new AssertionError("no FINISH after 5000 steps: " + route);
    }
}
