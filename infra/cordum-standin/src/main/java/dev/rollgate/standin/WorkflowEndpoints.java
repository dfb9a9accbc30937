package dev.rollgate.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Workflow dry-run, run start, get run and rerun-from-step. */
final class WorkflowEndpoints {
    private final ObjectMapper json;
    private final StandInConfig config;
    private final RunStore runs;

    WorkflowEndpoints(ObjectMapper json, StandInConfig config, RunStore runs) {
        this.json = json;
        this.config = config;
        this.runs = runs;
    }

    Response dryRun(Request request, String workflowId, String decisionOverride) {
        StandInConfig.Workflow workflow = workflow(workflowId);
        String environment = "";
        if (request.hasBody()) {
            JsonNode body = request.jsonObject(json);
            if (body.has("environment")) {
                if (!body.get("environment").isTextual()) {
                    throw new ApiError(400, "invalid_request", "environment must be a string");
                }
                environment = body.get("environment").asText();
            }
            if (body.has("input") && !body.get("input").isObject()) {
                throw new ApiError(400, "invalid_request", "input must be an object");
            }
        }
        Map<String, String> overrides = workflow.environmentDecisions().getOrDefault(environment, Map.of());
        List<Map<String, Object>> steps = new ArrayList<>();
        workflow.steps().stream().sorted(Comparator.comparing(StandInConfig.Step::stepId)).forEach(step -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("step_id", step.stepId());
            if (!step.stepName().isEmpty()) {
                out.put("step_name", step.stepName());
            }
            out.put("step_type", step.stepType());
            String decision = overrides.getOrDefault(step.stepId(), step.decision());
            out.put("decision", decisionOverride.isEmpty() ? decision : decisionOverride);
            out.put("reason", decision.equals("ERROR") && step.reason().isEmpty()
                    ? "safety evaluation unavailable" : step.reason());
            if (!step.ruleId().isEmpty()) {
                out.put("rule_id", step.ruleId());
            }
            steps.add(out);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflow_id", workflowId);
        out.put("steps", steps);
        return Response.ok(out);
    }

    Response start(Request request, Caller caller, String workflowId) {
        StandInConfig.Workflow workflow = workflow(workflowId);
        JsonNode input = request.hasBody() ? request.jsonObject(json) : json.createObjectNode();
        for (String field : workflow.requiredInput()) {
            if (!input.has(field)) {
                throw new ApiError(400, "invalid_input", "input validation failed: missing required field " + field);
            }
        }
        String key = request.header("Idempotency-Key");
        if (key.isEmpty()) {
            key = request.header("X-Idempotency-Key");
        }
        boolean dryRun = "true".equals(request.query.get("dry_run"));
        synchronized (runs) {
            if (!key.isEmpty()) {
                if (runs.isReservedUnmapped(key)) {
                    throw new ApiError(409, "RUN_IDEMPOTENCY_CONFLICT", "idempotency key is reserved by a starting run");
                }
                var existing = runs.runForKey(key);
                if (existing.isPresent()) {
                    return Response.ok(Map.of("run_id", existing.get()));
                }
            }
            long active = runs.activeRuns(caller.tenant());
            int limit = config.runs().maxConcurrentPerTenant();
            if (active >= limit) {
                throw new ApiError(429, "RUN_NOT_RUNNABLE", "concurrent run limit reached",
                        Map.of("current", active, "limit", limit));
            }
            LinkedHashMap<String, String> steps = new LinkedHashMap<>();
            workflow.steps().stream().map(StandInConfig.Step::stepId).sorted()
                    .forEach(id -> steps.put(id, workflow.stepStatuses().getOrDefault(id, "succeeded")));
            RunStore.Run run = runs.create(workflowId, caller.tenant(), workflow.runStatus(), dryRun, key, null, null,
                    steps, json.convertValue(input, Object.class));
            return Response.ok(Map.of("run_id", run.id));
        }
    }

    Response get(Caller caller, String runId) {
        return Response.ok(run(caller, runId).toJson());
    }

    Response rerun(Request request, Caller caller, String runId) {
        JsonNode body = request.jsonObject(json);
        Request.onlyFields(body, Set.of("from_step", "dry_run"));
        if (!body.path("from_step").isTextual() || (body.has("dry_run") && !body.get("dry_run").isBoolean())) {
            throw ApiError.invalidJson();
        }
        String fromStep = body.get("from_step").asText();
        RunStore.Run original = run(caller, runId);
        if (!original.steps.containsKey(fromStep)) {
            throw new ApiError(400, "RUN_NOT_RUNNABLE", "step " + fromStep + " not found in run");
        }
        LinkedHashMap<String, String> steps = new LinkedHashMap<>();
        boolean upstream = true;
        for (Map.Entry<String, String> step : original.steps.entrySet()) {
            if (step.getKey().equals(fromStep)) {
                upstream = false;
            }
            if (upstream && !step.getValue().equals("succeeded")) {
                throw new ApiError(400, "RUN_NOT_RUNNABLE", "upstream step " + step.getKey() + " did not succeed");
            }
            steps.put(step.getKey(), upstream ? step.getValue() : "pending");
        }
        StandInConfig.Workflow workflow = workflow(original.workflowId);
        RunStore.Run run = runs.create(original.workflowId, caller.tenant(), workflow.runStatus(),
                body.path("dry_run").asBoolean(false), null, original.id, fromStep, steps, original.input);
        return Response.ok(Map.of("run_id", run.id));
    }

    private RunStore.Run run(Caller caller, String runId) {
        return runs.get(runId).filter(r -> r.tenant.equals(caller.tenant()))
                .orElseThrow(() -> ApiError.notFound("workflow run"));
    }

    private StandInConfig.Workflow workflow(String workflowId) {
        StandInConfig.Workflow workflow = config.workflows().get(workflowId);
        if (workflow == null) {
            throw ApiError.notFound("workflow");
        }
        return workflow;
    }
}
