package dev.rollgate.core.preflight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflow runs in memory with the service's idempotency rules; reruns answer from a script when one is set. */
public final class InMemoryWorkflowRuns implements WorkflowRuns {
    private final Map<String, String> runByKey = new HashMap<>();
    private final Map<String, WorkflowRun> runs = new HashMap<>();
    private final List<String> rerunCalls = new ArrayList<>();
    private CallOutcome<String> scriptedRerun;
    private int nextId = 1;

    public InMemoryWorkflowRuns scriptRerun(CallOutcome<String> outcome) {
        this.scriptedRerun = outcome;
        return this;
    }

    @Override
    public synchronized CallOutcome<String> start(RunStart request) {
        String id = runByKey.computeIfAbsent(request.idempotencyKey(), k -> newRun(request.workflowId(),
                Optional.empty(), Optional.empty(), request.dryRun(), Optional.of(k)));
        return CallOutcome.done(id);
    }

    @Override
    public synchronized CallOutcome<WorkflowRun> get(String tenant, String runId) {
        WorkflowRun run = runs.get(runId);
        return run == null ? CallOutcome.refused(404, "not_found", "run not found") : CallOutcome.done(run);
    }

    @Override
    public synchronized CallOutcome<String> rerun(String tenant, String runId, String fromStep, boolean dryRun) {
        rerunCalls.add(runId + "@" + fromStep);
        if (scriptedRerun != null) {
            return scriptedRerun;
        }
        if (!runs.containsKey(runId)) {
            return CallOutcome.refused(404, "not_found", "run not found");
        }
        return CallOutcome.done(newRun(runs.get(runId).workflowId(), Optional.of(runId), Optional.of(fromStep), dryRun,
                Optional.empty()));
    }

    public synchronized List<String> rerunCalls() {
        return List.copyOf(rerunCalls);
    }

    private String newRun(String workflowId, Optional<String> rerunOf, Optional<String> rerunStep, boolean dryRun,
                          Optional<String> key) {
        String id = "run-" + nextId++;
        runs.put(id, new WorkflowRun(id, workflowId, RunStatus.RUNNING, "running", rerunOf, rerunStep, dryRun, key,
                List.of()));
        return id;
    }
}
