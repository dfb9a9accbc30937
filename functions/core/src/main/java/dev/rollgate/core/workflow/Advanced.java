package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Transition;
import dev.rollgate.core.state.Rollout;

import java.util.List;

/** A rollout after a handler's observations were applied and stored, and the workflow step that follows. */
public record Advanced(Rollout rollout, List<Transition> transitions, WorkflowStep step) {
    public Advanced {
        transitions = List.copyOf(transitions);
    }
}
