package dev.rollgate.core.workflow;

/**
 * The workflow's last task: confirms the rollout is in a terminal state (whose transition already recorded and
 * published the outcome) and returns it as the execution's output. A non-terminal rollout here is a workflow
 * bug, reported as an error so the Catch path restores the baseline.
 */
public final class RecordOutcomeStep {
    private final RolloutAdvancer advancer;

    public RecordOutcomeStep(RolloutAdvancer advancer) {
        this.advancer = advancer;
    }

    public WorkflowStep run(String rolloutId, java.time.Instant now) {
        LoadedRollout loaded = advancer.load(rolloutId);
        if (!loaded.rollout().state().status().isTerminal()) {
            throw new IllegalStateException("rollout " + rolloutId + " reached the end of the workflow in status "
                    + loaded.rollout().state().status());
        }
        return advancer.currentStep(loaded, now);
    }
}
