package dev.rollgate.core.preflight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow run record.
 *
 * @param runId          run id
 * @param workflowId     workflow id, empty when the service did not say
 * @param status         status, {@link RunStatus#UNRECOGNIZED} for an unknown value
 * @param rawStatus      status exactly as reported
 * @param rerunOf        the run this one re-ran, if it is a rerun
 * @param rerunStep      the step the rerun started from
 * @param dryRun         whether the run is marked dry
 * @param idempotencyKey the key the run was started with
 * @param steps          step results as reported
 */
public record WorkflowRun(String runId, String workflowId, RunStatus status, String rawStatus, Optional<String> rerunOf,
                          Optional<String> rerunStep, boolean dryRun, Optional<String> idempotencyKey,
                          List<Step> steps) {
    public WorkflowRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(rerunOf, "rerunOf");
        Objects.requireNonNull(rerunStep, "rerunStep");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        steps = List.copyOf(steps);
    }

    /** One step's result within a run. */
    public record Step(String stepId, String status) {
        public Step {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(status, "status");
        }
    }
}
