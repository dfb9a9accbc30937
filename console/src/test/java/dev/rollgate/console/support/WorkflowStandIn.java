package dev.rollgate.console.support;

import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Plays the waiting workflow for browser tests: an approved hold moves on to the next stage of the default plan,
 * a rejected one rolls back. The real workflow does this in AWS or in the local runner.
 */
public final class WorkflowStandIn {
    private static final List<String> STAGES = List.of("shadow", "canary-1", "canary-2", "full");
    private static final List<Integer> WEIGHTS = List.of(0, 10, 50, 100);

    private WorkflowStandIn() {
    }

    public static void attach(InMemoryApprovalCallback callback, StateStores stores, Clock clock) {
        callback.onDelivery((request, decision) -> {
            Rollout rollout = stores.rollouts().get(request.rolloutId()).orElseThrow();
            int stage = rollout.state().stageIndex();
            if (decision.verdict() == ApprovalStatus.APPROVED && stage + 1 < STAGES.size()) {
                int next = stage + 1;
                ConsoleFixture.move(stores, rollout.id(), RolloutStatus.CANARY, next, WEIGHTS.get(next),
                        Optional.empty(), clock.instant(),
                        HistoryEntry.of(clock.instant(), "APPROVAL_RECEIVED", "system:workflow", "APPROVED"),
                        ConsoleFixture.stageEntered(clock.instant(), STAGES.get(next), WEIGHTS.get(next)));
            } else {
                ConsoleFixture.move(stores, rollout.id(), RolloutStatus.ROLLING_BACK, stage, 0, Optional.empty(),
                        clock.instant(), HistoryEntry.of(clock.instant(), "ROLLBACK_STARTED", "system:workflow",
                                "APPROVAL_REJECTED"));
            }
        });
    }
}
