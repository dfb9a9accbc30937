package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.ReasonCode;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.lifecycle.TriggerCode;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowStepsTest {
    private final WorkflowFixture f = new WorkflowFixture();

    @Test
    void healthyRolloutWalksEveryStageToPromoted() {
        String id = f.startRollout("build-1");
        WorkflowStep end = f.driveFromStart(id);
        assertThat(end.status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(f.traffic.changes).containsExactly(10, 50, 100);
        assertThat(f.rollout(id).state().trafficWeight()).isEqualTo(100);
        assertThat(types(id)).contains("ROLLOUT_CREATED", PreflightStep.EVENT, ShiftTrafficStep.EVENT,
                EvaluateStep.GATE_EVENT, RolloutAdvancer.TRANSITION_EVENT);
        assertThat(f.executions.names).containsExactly(id);
    }

    @Test
    void triggerInFirstCanaryRollsBackToZero() {
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.trigger(TriggerCode.ERROR_RATE_RATIO)
                : WorkflowFixture.promote();
        String id = f.startRollout("build-2");
        WorkflowStep end = f.driveFromStart(id);
        assertThat(end.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.traffic.changes).containsExactly(10, 0);
        assertThat(f.rollout(id).state().trafficWeight()).isZero();
        assertThat(history(id)).anySatisfy(e -> assertThat(e.reasonCode())
                .isEqualTo(ReasonCode.TRIGGER_ERROR_RATE_RATIO.name()));
    }

    @Test
    void failedPreflightNeverMovesTraffic() {
        f.preflightResult = new PreflightCheck.Result.Failed("policy service unavailable: connection refused",
                Map.of("cause", "connection refused"));
        String id = f.startRollout("build-3");
        WorkflowStep end = f.driveFromStart(id);
        assertThat(end.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(f.traffic.changes).isEmpty();
    }

    @Test
    void aRetriedApprovalRequestIsDecidedThroughTheRetriedAttemptsToken() {
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.marginal() : WorkflowFixture.promote();
        String id = f.startRollout("build-retried-approval");
        f.driveFromStart(id);
        ApprovalRequest first = onlyPending();

        // The AwaitApproval task failed after storing the request and was retried with a new task token.
        f.requestApproval.run(id, "token-of-the-retry", f.now.plusSeconds(5));

        assertThat(onlyPending().taskToken()).isEqualTo("token-of-the-retry");
        assertThat(onlyPending().createdAt()).isEqualTo(first.createdAt());
        assertThat(history(id)).filteredOn(e -> e.type().equals(RequestApprovalStep.EVENT)).hasSize(1);
        f.decide.decide(first.id(), true, "bob", Set.of("acme"), "looks fine", f.now.plusSeconds(10));
        assertThat(f.callbacks.tokens).containsExactly("token-of-the-retry");

        // A retry arriving after the decision never reopens it, and its token is completed at once.
        f.requestApproval.run(id, "token-after-decision", f.now.plusSeconds(20));
        assertThat(f.stores.approvals().get(first.id()).orElseThrow().taskToken()).isEqualTo("token-of-the-retry");
        assertThat(f.stores.approvals().get(first.id()).orElseThrow().decision()).isPresent();
        assertThat(f.callbacks.tokens).containsExactly("token-of-the-retry", "token-after-decision");
    }

    @Test
    void marginalScoreWaitsForApprovalAndContinuesWhenApproved() {
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.marginal() : WorkflowFixture.promote();
        String id = f.startRollout("build-4");
        WorkflowStep parked = f.driveFromStart(id);
        assertThat(parked.next()).isEqualTo(NextStep.AWAIT_APPROVAL);
        ApprovalRequest pending = onlyPending();
        assertThat(pending.requester()).isEqualTo("alice");

        assertThat(f.decide.decide(pending.id(), true, "alice", Set.of("acme"), "lgtm", f.now))
                .isInstanceOf(ApprovalDecisionOutcome.SelfApprovalDenied.class);
        assertThat(f.decide.decide(pending.id(), true, "bob", Set.of("other"), "lgtm", f.now))
                .isInstanceOf(ApprovalDecisionOutcome.Forbidden.class);
        assertThat(f.decide.decide(pending.id(), true, "bob", Set.of("acme"), "looks fine", f.now))
                .isEqualTo(new ApprovalDecisionOutcome.Accepted(pending.id(), true));
        assertThat(f.decide.decide(pending.id(), false, "carol", Set.of("acme"), "too late", f.now))
                .isInstanceOf(ApprovalDecisionOutcome.AlreadyDecided.class);
        assertThat(f.callbacks.tokens).containsExactly(pending.taskToken());

        f.judgeByStage = stage -> WorkflowFixture.promote();
        WorkflowStep resumed = f.evaluate.run(id, EvaluateStep.Kind.APPROVAL_DECIDED, f.now);
        WorkflowStep end = f.drive(resumed, 2_000);
        assertThat(end.status()).isEqualTo(RolloutStatus.PROMOTED);
    }

    @Test
    void rejectionRollsBack() {
        f.judgeByStage = stage -> WorkflowFixture.marginal();
        String id = f.startRollout("build-5");
        f.driveFromStart(id);
        ApprovalRequest pending = onlyPending();
        f.decide.decide(pending.id(), false, "bob", Set.of("acme"), "error budget", f.now);
        WorkflowStep end = f.drive(f.evaluate.run(id, EvaluateStep.Kind.APPROVAL_DECIDED, f.now), 100);
        assertThat(end.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.rollout(id).state().trafficWeight()).isZero();
    }

    @Test
    void approvalTimeoutResolvesAsRejectedAndRollsBack() {
        f.judgeByStage = stage -> WorkflowFixture.marginal();
        String id = f.startRollout("build-6");
        f.driveFromStart(id);
        ApprovalRequest pending = onlyPending();
        f.now = pending.deadline().plusSeconds(1);
        WorkflowStep end = f.drive(f.evaluate.run(id, EvaluateStep.Kind.APPROVAL_TIMED_OUT, f.now), 100);
        assertThat(end.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.stores.approvals().get(pending.id()).orElseThrow().decision().orElseThrow().decidedBy())
                .isEqualTo(EvaluateStep.TIMEOUT_DECIDER);
    }

    @Test
    void retriedShiftTrafficShiftsOnce() {
        String id = f.startRollout("build-7");
        WorkflowStep step = f.preflight.run(id, f.now);
        while (step.next() != NextStep.SHIFT_TRAFFIC || step.weight() == 0) {
            step = stepOnce(step);
        }
        WorkflowStep first = f.shift.run(id, f.now);
        WorkflowStep retried = f.shift.run(id, f.now);
        assertThat(retried).isEqualTo(first);
        assertThat(f.traffic.changes).containsExactly(10);
        long shiftedEvents = history(id).stream().filter(e -> e.type().equals(ShiftTrafficStep.EVENT)).count();
        assertThat(shiftedEvents).isOne(); // canary-1 only: shadow moves no user traffic
    }

    @Test
    void workflowErrorRestoresBaselineAndEndsAborted() {
        String id = f.startRollout("build-8");
        WorkflowStep step = f.preflight.run(id, f.now);
        while (step.next() != NextStep.OBSERVE || step.stageIndex() == 0) {
            step = stepOnce(step);
        }
        assertThat(f.rollout(id).state().trafficWeight()).isEqualTo(10);
        WorkflowStep end = f.rollBack.run(id, Optional.of("Lambda.Unknown: boom"), f.now);
        assertThat(f.rollout(id).state().trafficWeight()).isZero();
        assertThat(end.next()).isEqualTo(NextStep.FINISH);
        assertThat(history(id)).anySatisfy(e -> assertThat(e.type()).isEqualTo(RollBackStep.ERROR_EVENT));
    }

    @Test
    void abortDuringHoldWakesTheParkedWorkflow() {
        f.judgeByStage = stage -> WorkflowFixture.marginal();
        String id = f.startRollout("build-9");
        f.driveFromStart(id);
        ApprovalRequest pending = onlyPending();
        assertThat(f.operator.abort(id, "oscar", "stop it", f.now)).isEqualTo(ReasonCode.ABORT_REQUESTED);
        assertThat(f.callbacks.tokens).containsExactly(pending.taskToken());
        WorkflowStep end = f.drive(f.evaluate.run(id, EvaluateStep.Kind.APPROVAL_DECIDED, f.now), 100);
        assertThat(end.status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(f.rollout(id).state().trafficWeight()).isZero();
        assertThat(history(id)).anySatisfy(e -> assertThat(e.actor()).isEqualTo("oscar"));
    }

    @Test
    void rerunAfterRollbackStartsOneNewExecution() {
        f.judgeByStage = stage -> stage == 2 ? WorkflowFixture.trigger(TriggerCode.OVERLOAD_SUSTAINED)
                : WorkflowFixture.promote();
        String id = f.startRollout("build-10");
        assertThat(f.driveFromStart(id).status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        f.judgeByStage = stage -> WorkflowFixture.promote();
        assertThat(f.operator.rerun(id, "canary-1", "oscar", f.now)).isEqualTo(ReasonCode.RERUN_REQUESTED);
        assertThat(f.operator.rerun(id, "canary-1", "oscar", f.now).isIgnored()).isTrue();
        assertThat(f.executions.names).hasSize(2);
        assertThat(f.driveFromStart(id).status()).isEqualTo(RolloutStatus.PROMOTED);
    }

    @Test
    void startIsIdempotentPerKeyAndRejectsConflictsAndBadInput() {
        StartRolloutRequest request = new StartRolloutRequest("acme", "agent", "v2", "v1", "alice", null,
                WorkflowFixture.GATES_POLICY, "pipeline-42");
        StartRolloutOutcome first = f.start.start(request, f.now);
        StartRolloutOutcome again = f.start.start(request, f.now);
        assertThat(first).isInstanceOf(StartRolloutOutcome.Started.class);
        assertThat(again).isEqualTo(new StartRolloutOutcome.Started(((StartRolloutOutcome.Started) first).rolloutId(),
                ((StartRolloutOutcome.Started) first).executionId(), true));
        assertThat(f.start.start(new StartRolloutRequest("acme", "agent", "v3", "v1", "alice", null,
                WorkflowFixture.GATES_POLICY, "pipeline-42"), f.now)).isInstanceOf(StartRolloutOutcome.KeyConflict.class);
        StartRolloutOutcome bad = f.start.start(new StartRolloutRequest("acme", "", "v2", "v1", "alice",
                "no-such-policy", null, " "), f.now);
        assertThat(bad).isInstanceOfSatisfying(StartRolloutOutcome.Invalid.class, i -> assertThat(i.problems())
                .anySatisfy(p -> assertThat(p).startsWith("agent:"))
                .anySatisfy(p -> assertThat(p).startsWith("idempotencyKey:")));
        StartRolloutOutcome unknownPolicy = f.start.start(new StartRolloutRequest("acme", "agent", "v2", "v1", "alice",
                "no-such-policy", null, "k-1"), f.now);
        assertThat(unknownPolicy).isInstanceOfSatisfying(StartRolloutOutcome.Invalid.class,
                i -> assertThat(i.problems()).singleElement().asString().contains("unknown policy"));
        StartRolloutOutcome badPolicy = f.start.start(new StartRolloutRequest("acme", "agent", "v2", "v1", "alice",
                null, "driver: lambda\n", "k-2"), f.now);
        assertThat(badPolicy).isInstanceOfSatisfying(StartRolloutOutcome.Invalid.class,
                i -> assertThat(i.problems()).singleElement().asString().contains("line 1: driver"));
        assertThat(f.executions.names).hasSize(1);
    }

    private WorkflowStep stepOnce(WorkflowStep step) {
        return switch (step.next()) {
            case SHIFT_TRAFFIC -> f.shift.run(step.rolloutId(), f.now);
            case OBSERVE -> {
                f.now = f.now.plusSeconds(step.waitSeconds());
                yield f.evaluate.run(step.rolloutId(), EvaluateStep.Kind.INTERVAL, f.now);
            }
            default -> throw new AssertionError("unexpected step " + step);
        };
    }

    private ApprovalRequest onlyPending() {
        List<ApprovalRequest> pending = f.stores.approvals().pending("acme", PageRequest.first(10)).items();
        assertThat(pending).hasSize(1);
        return pending.get(0);
    }

    private List<HistoryEvent> history(String id) {
        return f.stores.history().read(id, PageRequest.first(500)).items();
    }

    private List<String> types(String id) {
        return history(id).stream().map(HistoryEvent::type).toList();
    }
}
