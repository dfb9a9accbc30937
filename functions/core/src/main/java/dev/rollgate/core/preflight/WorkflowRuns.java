package dev.rollgate.core.preflight;

/** Starts, reads and re-runs workflow runs on the agent control plane. */
public interface WorkflowRuns {

    /** Starts a run; a repeated start with the same idempotency key answers the first run's id. */
    CallOutcome<String> start(RunStart request);

    CallOutcome<WorkflowRun> get(String tenant, String runId);

    /**
     * Creates a new run that starts again from {@code fromStep}. Not deduplicated by the service: callers go through
     * {@link GuardedRerun}.
     */
    CallOutcome<String> rerun(String tenant, String runId, String fromStep, boolean dryRun);
}
