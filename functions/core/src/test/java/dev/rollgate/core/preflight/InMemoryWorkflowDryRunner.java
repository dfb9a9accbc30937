package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers per workflow id from a script; an unscripted workflow is refused with 404 like the service does. */
public final class InMemoryWorkflowDryRunner implements WorkflowDryRunner {
    private final Map<String, CallOutcome<DryRunReport>> byWorkflow = new HashMap<>();
    private final List<PreflightSpec.Workflow> calls = new ArrayList<>();

    public InMemoryWorkflowDryRunner answer(String workflowId, CallOutcome<DryRunReport> outcome) {
        byWorkflow.put(workflowId, outcome);
        return this;
    }

    @Override
    public CallOutcome<DryRunReport> dryRun(String tenant, PreflightSpec.Workflow workflow) {
        calls.add(workflow);
        return byWorkflow.getOrDefault(workflow.id(), CallOutcome.refused(404, "not_found", "workflow not found"));
    }

    public List<PreflightSpec.Workflow> calls() {
        return List.copyOf(calls);
    }
}
