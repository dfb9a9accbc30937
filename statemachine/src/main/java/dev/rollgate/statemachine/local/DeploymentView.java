package dev.rollgate.statemachine.local;

import java.time.Instant;
import java.util.List;

/** A read-only snapshot of one local deployment and the transitions it went through. */
public record DeploymentView(String deploymentId, String rolloutId, int stageIndex, String applicationName,
                             String deploymentGroup, String deploymentConfigName, DeploymentStatus status,
                             List<Transition> transitions) {

    /** A status change at a virtual time, with the reason it happened. */
    public record Transition(Instant at, DeploymentStatus status, String reason) {
    }

    public DeploymentView {
        transitions = List.copyOf(transitions);
    }
}
