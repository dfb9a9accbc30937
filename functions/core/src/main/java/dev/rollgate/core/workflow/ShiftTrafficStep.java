package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.HistoryEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's ShiftTraffic task: moves traffic to the stage's weight and confirms it to the lifecycle. The
 * driver is idempotent and the step only acts while the rollout is PROMOTING, so a retry never shifts twice.
 */
public final class ShiftTrafficStep {
    public static final String EVENT = "TRAFFIC_SHIFTED";
    private final RolloutAdvancer advancer;
    private final TrafficControl traffic;

    public ShiftTrafficStep(RolloutAdvancer advancer, TrafficControl traffic) {
        this.advancer = advancer;
        this.traffic = traffic;
    }

    public WorkflowStep run(String rolloutId, Instant now) {
        return advancer.advance(rolloutId, loaded -> {
            if (loaded.rollout().state().status() != RolloutStatus.PROMOTING) {
                return StepInput.nothing();
            }
            int stageIndex = loaded.rollout().state().stageIndex();
            int wanted = loaded.currentStage().weight();
            int inEffect = traffic.shift(loaded.rollout(), loaded.policy(), stageIndex, wanted);
            HistoryEntry event = new HistoryEntry(now, EVENT, "system:traffic", "", Map.of(
                    "stage", loaded.currentStage().name(), "weight", Integer.toString(inEffect),
                    "driver", loaded.policy().driver().wireName()));
            return new StepInput(List.of(new Observation.TrafficShiftConfirmed(inEffect)), List.of(event),
                    Optional.empty());
        }, "system:workflow", now).step();
    }
}
