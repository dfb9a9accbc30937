package dev.rollgate.standin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs and the global idempotency key map. */
final class RunStore {
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, String> runByKey = new HashMap<>();
    private final Set<String> reservedKeys = new HashSet<>();
    private int nextId = 1;

    static final class Run {
        final String id;
        final String workflowId;
        final String tenant;
        String status;
        final boolean dryRun;
        final String idempotencyKey;
        final String rerunOf;
        final String rerunStep;
        final LinkedHashMap<String, String> steps;
        final Object input;

        Run(String id, String workflowId, String tenant, String status, boolean dryRun, String idempotencyKey,
            String rerunOf, String rerunStep, LinkedHashMap<String, String> steps, Object input) {
            this.id = id;
            this.workflowId = workflowId;
            this.tenant = tenant;
            this.status = status;
            this.dryRun = dryRun;
            this.idempotencyKey = idempotencyKey;
            this.rerunOf = rerunOf;
            this.rerunStep = rerunStep;
            this.steps = steps;
            this.input = input;
        }

        Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("workflow_id", workflowId);
            out.put("tenant", tenant);
            out.put("status", status);
            out.put("dry_run", dryRun);
            out.put("idempotency_key", idempotencyKey);
            out.put("rerun_of", rerunOf);
            out.put("rerun_step", rerunStep);
            List<Map<String, Object>> stepList = new ArrayList<>();
            steps.forEach((stepId, stepStatus) -> {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("step_id", stepId);
                step.put("status", stepStatus);
                stepList.add(step);
            });
            out.put("steps", stepList);
            out.put("input", input);
            return out;
        }
    }

    synchronized void reserve(Set<String> keys) {
        reservedKeys.addAll(keys);
    }

    synchronized boolean isReservedUnmapped(String key) {
        return reservedKeys.contains(key) && !runByKey.containsKey(key);
    }

    synchronized Optional<String> runForKey(String key) {
        return Optional.ofNullable(runByKey.get(key));
    }

    synchronized long activeRuns(String tenant) {
        return runs.values().stream().filter(r -> r.tenant.equals(tenant))
                .filter(r -> RunStatuses.ACTIVE.contains(r.status)).count();
    }

    synchronized Run create(String workflowId, String tenant, String status, boolean dryRun, String key,
                            String rerunOf, String rerunStep, LinkedHashMap<String, String> steps, Object input) {
        Run run = new Run(String.format("run-%06d", nextId++), workflowId, tenant, status, dryRun,
                key == null || key.isEmpty() ? null : key, rerunOf, rerunStep, steps, input);
        runs.put(run.id, run);
        if (run.idempotencyKey != null) {
            runByKey.put(run.idempotencyKey, run.id);
        }
        return run;
    }

    synchronized Optional<Run> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    synchronized boolean setStatus(String id, String status) {
        Run run = runs.get(id);
        if (run == null) {
            return false;
        }
        run.status = status;
        return true;
    }

    synchronized int size() {
        return runs.size();
    }

    synchronized void clear() {
        runs.clear();
        runByKey.clear();
        reservedKeys.clear();
        nextId = 1;
    }
}
