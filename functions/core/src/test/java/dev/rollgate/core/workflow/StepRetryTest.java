package dev.rollgate.core.workflow;

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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step Functions retries a task whose Lambda failed or timed out after it had already written (the Retry blocks
 * of rollout.asl.json). Each step run a second time with the same input must answer as the first did, without a
 * second preflight call to Cordum, a second traffic change or a second history entry.
 */
class StepRetryTest {
    private final WorkflowFixture f = new WorkflowFixture();
    private final AtomicInteger preflightCalls = new AtomicInteger();
    private final PreflightStep countingPreflight = new PreflightStep(f.advancer, (r, p, t) -> {
        preflightCalls.incrementAndGet();
        return f.preflightResult;
    });

    @Test
    void aRetriedPreflightAsksCordumOnceAndRecordsOneVerdict() {
        String id = f.startRollout("retry-preflight");

        WorkflowStep first = countingPreflight.run(id, f.now);
        WorkflowStep retried = countingPreflight.run(id, f.now);

        assertThat(retried).isEqualTo(first);
        assertThat(preflightCalls).hasValue(1);
        assertThat(count(id, PreflightStep.EVENT)).isOne();
    }

    @Test
    void aRetriedFailedPreflightStaysFailedWithOneVerdict() {
        f.preflightResult = new PreflightCheck.Result.Failed("policy service unavailable: HTTP 503", Map.of());
        String id = f.startRollout("retry-preflight-fail");

        WorkflowStep first = countingPreflight.run(id, f.now);
        WorkflowStep retried = countingPreflight.run(id, f.now);

        assertThat(retried).isEqualTo(first);
        assertThat(preflightCalls).hasValue(1);
        assertThat(count(id, PreflightStep.EVENT)).isOne();
        assertThat(f.traffic.changes).isEmpty();
    }

    @Test
    void aRetriedIntervalEvaluationIsOneMoreEvaluationAtItsOwnTimeAndMovesNothing() {
        // The Evaluate handler reads the clock, so a retry 2 s later (the ASL's Retry interval) is a new evaluation
        // at a new instant: it may add its own verdict, but it must not repeat a transition or move traffic.
        String id = f.startRollout("retry-evaluate");
        WorkflowStep step = f.preflight.run(id, f.now);
        while (step.next() != NextStep.OBSERVE) {
            step = f.shift.run(id, f.now);
        }
        f.now = f.now.plusSeconds(step.waitSeconds());
        WorkflowStep first = f.evaluate.run(id, EvaluateStep.Kind.INTERVAL, f.now);
        List<HistoryEvent> afterFirst = history(id);
        var stateAfterFirst = f.rollout(id).state();
        List<Integer> changes = List.copyOf(f.traffic.changes);

        WorkflowStep retried = f.evaluate.run(id, EvaluateStep.Kind.INTERVAL, f.now.plusSeconds(2));

        assertThat(retried.next()).isEqualTo(first.next());
        assertThat(f.rollout(id).state().status()).isEqualTo(stateAfterFirst.status());
        assertThat(f.rollout(id).state().stageIndex()).isEqualTo(stateAfterFirst.stageIndex());
        assertThat(f.traffic.changes).isEqualTo(changes);
        List<HistoryEvent> added = history(id).subList(afterFirst.size(), history(id).size());
        assertThat(added).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EvaluateStep.GATE_EVENT);
            assertThat(e.at()).isEqualTo(f.now.plusSeconds(2));
        });
    }

    @Test
    void aRetriedRollbackRestoresOnceAndRecordsOneRollback() {
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.trigger(TriggerCode.ERROR_RATE_RATIO)
                : WorkflowFixture.promote();
        String id = f.startRollout("retry-rollback");
        WorkflowStep step = f.preflight.run(id, f.now);
        while (step.next() != NextStep.ROLL_BACK) {
            step = stepOnce(step);
        }
        WorkflowStep first = f.rollBack.run(id, Optional.empty(), f.now);
        List<HistoryEvent> afterFirst = history(id);
        List<Integer> changes = List.copyOf(f.traffic.changes);

        WorkflowStep retried = f.rollBack.run(id, Optional.empty(), f.now);

        assertThat(retried).isEqualTo(first);
        assertThat(first.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(history(id)).isEqualTo(afterFirst);
        assertThat(f.traffic.changes).isEqualTo(changes).endsWith(0);
    }

    @Test
    void aRetriedOutcomeRecordIsWrittenOnce() {
        String id = f.startRollout("retry-outcome");
        WorkflowStep end = f.driveFromStart(id);
        List<HistoryEvent> afterFirst = history(id);

        WorkflowStep retried = f.recordOutcome.run(id, f.now);

        assertThat(retried).isEqualTo(end);
        assertThat(history(id)).isEqualTo(afterFirst);
    }

    @Test
    void aRetriedApprovalRequestKeepsOneRequestAndOneEvent() {
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.marginal() : WorkflowFixture.promote();
        String id = f.startRollout("retry-approval");
        f.driveFromStart(id);
        ApprovalRequest first = onlyPending();

        f.requestApproval.run(id, first.taskToken(), f.now);

        assertThat(f.stores.approvals().pending("acme", PageRequest.first(10)).items()).containsExactly(first);
        assertThat(count(id, RequestApprovalStep.EVENT)).isOne();
    }

    @Test
    void aRetryAfterAFailureBetweenStoringTheRequestAndItsEventWritesTheEventOnce() {
        // The first attempt stored the request (approvals table) and failed before the history write; the retry
        // comes with a new token and must both keep the request and leave exactly one APPROVAL_REQUESTED event.
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.marginal() : WorkflowFixture.promote();
        String id = f.startRollout("retry-approval-lost-event");
        WorkflowStep step = f.preflight.run(id, f.now);
        while (step.next() != NextStep.AWAIT_APPROVAL) {
            step = stepOnce(step);
        }
        var rollout = f.rollout(id);
        String approvalId = ApprovalIds.of(id, rollout.state());
        f.stores.approvals().request(ApprovalRequest.pending(approvalId, id, rollout.tenant(),
                f.advancer.load(id).currentStage().name(),
                rollout.state().lastReason(), rollout.requester(), "token-of-the-failed-attempt", f.now,
                f.now.plus(StepPlanner.APPROVAL_TIMEOUT)));
        assertThat(count(id, RequestApprovalStep.EVENT)).isZero();

        f.requestApproval.run(id, "token-of-the-retry", f.now.plusSeconds(2));
        f.requestApproval.run(id, "token-of-a-third-attempt", f.now.plusSeconds(4));

        assertThat(count(id, RequestApprovalStep.EVENT)).isOne();
        HistoryEvent requested = history(id).stream().filter(e -> e.type().equals(RequestApprovalStep.EVENT))
                .findFirst().orElseThrow();
        assertThat(requested.detail()).containsEntry("approvalId", approvalId)
                .containsEntry("deadline", f.now.plus(StepPlanner.APPROVAL_TIMEOUT).toString());
        assertThat(onlyPending().taskToken()).isEqualTo("token-of-a-third-attempt");
    }

    @Test
    void aDecisionReachesTheTokenOfTheRetriedWaitTask() {
        // A retried .waitForTaskToken task runs with a new token; the first one is dead. The decision must go to
        // the token the workflow now waits on, or the approval is lost and the rollout times out as rejected.
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.marginal() : WorkflowFixture.promote();
        String id = f.startRollout("retry-approval-token");
        f.driveFromStart(id);
        ApprovalRequest first = onlyPending();

        f.requestApproval.run(id, "token-of-the-retry", f.now);
        ApprovalDecisionOutcome decided = f.decide.decide(first.id(), true, "bob", Set.of("acme"), "ok", f.now);

        assertThat(decided).isEqualTo(new ApprovalDecisionOutcome.Accepted(first.id(), true));
        assertThat(f.callbacks.tokens).containsExactly("token-of-the-retry");
        assertThat(count(id, RequestApprovalStep.EVENT)).isOne();
    }

    @Test
    void aRetriedWaitTaskAfterTheDecisionIsWokenAtOnce() {
        f.judgeByStage = stage -> stage == 1 ? WorkflowFixture.marginal() : WorkflowFixture.promote();
        String id = f.startRollout("retry-approval-late");
        f.driveFromStart(id);
        ApprovalRequest first = onlyPending();
        f.decide.decide(first.id(), false, "bob", Set.of("acme"), "not now", f.now);

        f.requestApproval.run(id, "token-of-the-retry", f.now);

        assertThat(f.callbacks.tokens).containsExactly(first.taskToken(), "token-of-the-retry");
        assertThat(f.stores.approvals().get(first.id()).orElseThrow().decision()).isPresent();
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

    private long count(String id, String type) {
        return history(id).stream().filter(e -> e.type().equals(type)).count();
    }

    private List<HistoryEvent> history(String id) {
        return f.stores.history().read(id, PageRequest.first(500)).items();
    }
}
