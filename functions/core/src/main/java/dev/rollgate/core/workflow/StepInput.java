package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.state.HistoryEntry;

import java.util.List;
import java.util.Optional;

/**
 * What one handler contributes to a rollout: observations for the lifecycle (applied in order), history events
 * recorded with the resulting change, and a new judge score if one was computed.
 */
public record StepInput(List<Observation> observations, List<HistoryEntry> events, Optional<Double> score) {
    public StepInput {
        observations = List.copyOf(observations);
        events = List.copyOf(events);
    }

    public static StepInput of(Observation observation) {
        return new StepInput(List.of(observation), List.of(), Optional.empty());
    }

    public static StepInput nothing() {
        return new StepInput(List.of(), List.of(), Optional.empty());
    }
}
