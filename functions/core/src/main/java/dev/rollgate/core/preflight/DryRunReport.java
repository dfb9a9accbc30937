package dev.rollgate.core.preflight;

import java.util.List;
import java.util.Objects;

/** The outcome of a workflow dry-run: one decision per step, in the service's order. */
public record DryRunReport(String workflowId, List<DryRunStep> steps) {
    public DryRunReport {
        Objects.requireNonNull(workflowId, "workflowId");
        steps = List.copyOf(steps);
    }
}
