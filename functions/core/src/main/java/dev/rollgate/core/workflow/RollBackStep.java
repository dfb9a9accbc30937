package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.HistoryEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's RollBack task. On the lifecycle's own path the rollout is ROLLING_BACK; on the error path (a
 * Catch) it may be anywhere, so the failure is first turned into an abort by the workflow itself. Either way the
 * baseline is restored before the rollback is confirmed, and restoring twice is harmless.
 */
public final class RollBackStep {
    public static final String EVENT = "TRAFFIC_RESTORED";
    public static final String ERROR_EVENT = "WORKFLOW_ERROR";
    private final RolloutAdvancer advancer;
    private final TrafficControl traffic;

    public RollBackStep(RolloutAdvancer advancer, TrafficControl traffic) {
        this.advancer = advancer;
        this.traffic = traffic;
    }

    /** @param workflowError the error the workflow caught, or empty on the lifecycle's own rollback path */
    public WorkflowStep run(String rolloutId, Optional<String> workflowError, Instant now) {
        return advancer.advance(rolloutId, loaded -> {
            RolloutStatus status = loaded.rollout().state().status();
            if (status.isTerminal()) {
                return StepInput.nothing();
            }
            List<Observation> observations = new ArrayList<>();
            List<HistoryEntry> events = new ArrayList<>();
            if (workflowError.isPresent()) {
                events.add(new HistoryEntry(now, ERROR_EVENT, "system:workflow", "",
                        Map.of("error", workflowError.get())));
                if (status != RolloutStatus.ROLLING_BACK) {
                    observations.add(new Observation.AbortRequested("system:workflow",
                            "workflow error: " + workflowError.get()));
                }
            }
            int weight = traffic.restoreBaseline(loaded.rollout(), loaded.policy());
            events.add(new HistoryEntry(now, EVENT, "system:traffic", "", Map.of("weight",
                    Integer.toString(weight), "driver", loaded.policy().driver().wireName())));
            observations.add(new Observation.RollbackCompleted());
            return new StepInput(observations, events, Optional.empty());
        }, "system:workflow", now).step();
    }
}
