package dev.rollgate.aws.cordum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.preflight.ApprovalConflict;
import dev.rollgate.core.preflight.ApprovalPage;
import dev.rollgate.core.preflight.ApprovalQueue;
import dev.rollgate.core.preflight.ApprovalResolution;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.DryRunReport;
import dev.rollgate.core.preflight.DryRunStep;
import dev.rollgate.core.preflight.PendingApproval;
import dev.rollgate.core.preflight.PolicyDecision;
import dev.rollgate.core.preflight.PolicyEvaluation;
import dev.rollgate.core.preflight.PolicyQuery;
import dev.rollgate.core.preflight.PolicySimulator;
import dev.rollgate.core.preflight.RunStart;
import dev.rollgate.core.preflight.RunStatus;
import dev.rollgate.core.preflight.StepDecision;
import dev.rollgate.core.preflight.WorkflowDryRunner;
import dev.rollgate.core.preflight.WorkflowRun;
import dev.rollgate.core.preflight.WorkflowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cordum's HTTP API (CORDUM_API.md) behind the core's ports. Requests carry exactly the documented fields; answers
 * are read strictly where the contract promises fields and tolerate extra ones. Transport failures, 429 and 5xx
 * answers and contract breaks become {@link CallOutcome.Unavailable}, so callers fail closed.
 */
public final class HttpCordumClient implements PolicySimulator, WorkflowDryRunner, WorkflowRuns, ApprovalQueue {
    private static final Logger LOG = LoggerFactory.getLogger(HttpCordumClient.class);
    private static final String LOCK_CODE = "approval_retryable_lock";

    private final ObjectMapper json = new ObjectMapper();
    private final CordumTransport transport;

    public HttpCordumClient(CordumClientConfig config, ApiKeySource keys) {
        this(config, keys, new Backoff(config.initialBackoff(), config.maxBackoff(), new SecureRandom()));
    }

    HttpCordumClient(CordumClientConfig config, ApiKeySource keys, Backoff backoff) {
        this.transport = new CordumTransport(config, keys, backoff);
    }

    // ---- policy ------------------------------------------------------------------------------------------------

    @Override
    public CallOutcome<PolicyEvaluation> simulate(PolicyQuery query) {
        CordumCall call = post("policy simulate", "/api/v1/policy/simulate", query.tenant(), simulateRequest(query),
                Map.of(), true);
        return exchange(call, this::evaluation);
    }

    @Override
    public CallOutcome<PolicyEvaluation> simulateCandidate(PolicyQuery query, PreflightSpec.Bundle bundle) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request", simulateRequest(query));
        bundle.content().ifPresent(content -> body.put("content", content));
        String path = "/api/v1/policy/bundles/" + PathSegments.encode(bundle.id().replace('/', '~')) + "/simulate";
        return exchange(post("policy bundle simulate", path, query.tenant(), body, Map.of(), true), this::evaluation);
    }

    private static Map<String, Object> simulateRequest(PolicyQuery query) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("topic", query.topic());
        request.put("tenant", query.tenant());
        if (!query.labels().isEmpty()) {
            request.put("labels", query.labels());
        }
        return request;
    }

    private PolicyEvaluation evaluation(JsonNode node) {
        String raw = JsonFields.requiredText(node, "decision");
        PolicyDecision decision = CordumDecisions.policy(raw);
        if (decision == PolicyDecision.UNRECOGNIZED) {
            LOG.warn("cordum answered an unrecognized policy decision '{}': treated as not allowed", printable(raw));
        }
        return new PolicyEvaluation(decision, raw, JsonFields.requiredText(node, "reason"),
                JsonFields.optionalText(node, "ruleId"), JsonFields.requiredBoolean(node, "approvalRequired"),
                JsonFields.optionalText(node, "approvalRef"));
    }

    // ---- workflows -------------------------------------------------------------------------------------------

    @Override
    public CallOutcome<DryRunReport> dryRun(String tenant, PreflightSpec.Workflow workflow) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", workflow.input());
        workflow.environment().ifPresent(env -> body.put("environment", env));
        String path = "/api/v1/workflows/" + PathSegments.encode(workflow.id()) + "/dry-run";
        return exchange(post("workflow dry-run", path, tenant, body, Map.of(), true), node -> {
            List<DryRunStep> steps = new ArrayList<>();
            for (JsonNode step : JsonFields.requiredArray(node, "steps")) {
                String raw = JsonFields.requiredText(step, "decision");
                StepDecision decision = CordumDecisions.step(raw);
                if (decision == StepDecision.UNRECOGNIZED) {
                    LOG.warn("cordum answered an unrecognized step decision '{}': treated as not allowed",
                            printable(raw));
                }
                steps.add(new DryRunStep(JsonFields.requiredText(step, "step_id"),
                        JsonFields.optionalText(step, "step_name"), JsonFields.optionalText(step, "step_type"),
                        decision, raw, JsonFields.optionalText(step, "reason"), JsonFields.optionalText(step, "rule_id")));
            }
            String workflowId = JsonFields.optionalText(node, "workflow_id");
            return new DryRunReport(workflowId.isEmpty() ? workflow.id() : workflowId, steps);
        });
    }

    /** Retried like a safe call: the idempotency key makes a repeated start return the first run. */
    @Override
    public CallOutcome<String> start(RunStart request) {
        String path = "/api/v1/workflows/" + PathSegments.encode(request.workflowId()) + "/runs"
                + (request.dryRun() ? "?dry_run=true" : "");
        CordumCall call = post("workflow run start", path, request.tenant(), request.input(),
                Map.of("Idempotency-Key", request.idempotencyKey()), true);
        return exchange(call, node -> JsonFields.requiredText(node, "run_id"));
    }

    @Override
    public CallOutcome<WorkflowRun> get(String tenant, String runId) {
        CordumCall call = new CordumCall("workflow run get", "GET", "/api/v1/workflow-runs/" + PathSegments.encode(runId),
                tenant, Optional.empty(), Map.of(), true);
        return exchange(call, node -> {
            String raw = JsonFields.requiredText(node, "status");
            RunStatus status = CordumDecisions.run(raw);
            if (status == RunStatus.UNRECOGNIZED) {
                LOG.warn("cordum answered an unrecognized run status '{}'", printable(raw));
            }
            List<WorkflowRun.Step> steps = new ArrayList<>();
            JsonNode stepNodes = node.path("steps");
            if (stepNodes.isArray()) {
                for (JsonNode step : stepNodes) {
                    steps.add(new WorkflowRun.Step(JsonFields.requiredText(step, "step_id"),
                            JsonFields.optionalText(step, "status")));
                }
            }
            String id = JsonFields.optionalText(node, "id");
            return new WorkflowRun(id.isEmpty() ? runId : id, JsonFields.optionalText(node, "workflow_id"), status, raw,
                    nonEmpty(JsonFields.optionalText(node, "rerun_of")),
                    nonEmpty(JsonFields.optionalText(node, "rerun_step")), JsonFields.optionalBoolean(node, "dry_run"),
                    nonEmpty(JsonFields.optionalText(node, "idempotency_key")), steps);
        });
    }

    /** Never retried: Cordum creates a new run on every call (see GuardedRerun). */
    @Override
    public CallOutcome<String> rerun(String tenant, String runId, String fromStep, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from_step", fromStep);
        body.put("dry_run", dryRun);
        CordumCall call = post("workflow rerun", "/api/v1/workflow-runs/" + PathSegments.encode(runId) + "/rerun",
                tenant, body, Map.of(), false);
        return exchange(call, node -> JsonFields.requiredText(node, "run_id"));
    }

    // ---- approvals -------------------------------------------------------------------------------------------

    @Override
    public CallOutcome<ApprovalPage> pending(String tenant, int limit, Optional<Integer> cursor) {
        if (limit <= 0) {
            throw new IllegalArgumentException("approval page limit must be positive, not " + limit);
        }
        String path = "/api/v1/approvals?limit=" + limit + cursor.map(c -> "&cursor=" + c).orElse("")
                + "&include_resolved=false";
        CordumCall call = new CordumCall("approvals list", "GET", path, tenant, Optional.empty(), Map.of(), true);
        return exchange(call, node -> {
            List<PendingApproval> items = new ArrayList<>();
            for (JsonNode item : JsonFields.requiredArray(node, "items")) {
                JsonNode job = item.path("job");
                if (!job.isObject()) {
                    throw new MalformedResponseException("approval item without a 'job' object");
                }
                items.add(new PendingApproval(JsonFields.requiredText(job, "id"), JsonFields.optionalText(job, "state"),
                        JsonFields.optionalText(job, "topic"), JsonFields.optionalText(job, "tenant"),
                        JsonFields.optionalText(item, "decision"), JsonFields.optionalText(item, "policy_rule_id"),
                        JsonFields.optionalText(item, "policy_reason"), JsonFields.optionalText(item, "approval_status"),
                        JsonFields.optionalText(item, "workflow_id"), JsonFields.optionalText(item, "workflow_run_id"),
                        JsonFields.optionalText(item, "workflow_step_id"), JsonFields.optionalText(item, "step_name"),
                        JsonFields.optionalText(item, "gate_type")));
            }
            JsonNode next = node.get("next_cursor");
            if (next != null && !next.isNull() && !next.isInt()) {
                throw new MalformedResponseException("field 'next_cursor' is not an integer");
            }
            return new ApprovalPage(items, next == null || next.isNull() ? Optional.empty() : Optional.of(next.asInt()));
        });
    }

    @Override
    public CallOutcome<ApprovalResolution> approve(String tenant, String jobId, String reason) {
        return resolve(tenant, jobId, reason, "approve");
    }

    @Override
    public CallOutcome<ApprovalResolution> reject(String tenant, String jobId, String reason) {
        return resolve(tenant, jobId, reason, "reject");
    }

    /**
     * Not retried on transport errors (the outcome of a lost approve is unknown until the queue is read again), but
     * retried on Cordum's 200 {@code approval_retryable_lock}, which says nothing was changed.
     */
    private CallOutcome<ApprovalResolution> resolve(String tenant, String jobId, String reason, String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        CordumCall call = post("approval " + action, "/api/v1/approvals/" + PathSegments.encode(jobId) + "/" + action,
                tenant, body, Map.of(), false);
        HttpAnswer answer = transport.send(call, (status, text) -> status == 200 && LOCK_CODE.equals(errorCode(text)));
        if (answer instanceof HttpAnswer.Received received) {
            String code = errorCode(received.body());
            switch (received.status()) {
                case 403 -> {
                    if ("self_approval_denied".equals(code)) {
                        return CallOutcome.done(new ApprovalResolution.SelfApprovalDenied(jobId));
                    }
                }
                case 404 -> {
                    if ("approval_not_found".equals(code)) {
                        return CallOutcome.done(new ApprovalResolution.NotFound(jobId));
                    }
                }
                case 409 -> {
                    return CallOutcome.done(new ApprovalResolution.Conflict(jobId, ApprovalConflict.fromCode(code),
                            code));
                }
                default -> { }
            }
        }
        return interpret(call, answer, node -> {
            if (LOCK_CODE.equals(JsonFields.optionalText(node, "code"))) {
                return new ApprovalResolution.RetryableLock(jobId);
            }
            String status = JsonFields.optionalText(node, "status");
            return new ApprovalResolution.Resolved(jobId, status.equals("already_approved")
                    || status.equals("already_rejected"));
        });
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    private CordumCall post(String name, String path, String tenant, Object body, Map<String, String> headers,
                            boolean retryable) {
        try {
            return new CordumCall(name, "POST", path, tenant, Optional.of(json.writeValueAsString(body)), headers,
                    retryable);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": the request body cannot be written as JSON", e);
        }
    }

    private <T> CallOutcome<T> exchange(CordumCall call, Function<JsonNode, T> reader) {
        return interpret(call, transport.send(call), reader);
    }

    private <T> CallOutcome<T> interpret(CordumCall call, HttpAnswer answer, Function<JsonNode, T> reader) {
        if (answer instanceof HttpAnswer.NoAnswer none) {
            return CallOutcome.unavailable(call.name() + ": " + none.cause());
        }
        HttpAnswer.Received received = (HttpAnswer.Received) answer;
        int status = received.status();
        if (status >= 200 && status < 300) {
            try {
                return CallOutcome.done(reader.apply(JsonFields.parseObject(json, received.body())));
            } catch (MalformedResponseException e) {
                LOG.warn("cordum {} answered outside the contract: {}", call.name(), e.getMessage());
                return CallOutcome.unavailable(call.name() + ": malformed response: " + e.getMessage());
            }
        }
        String code = errorCode(received.body());
        String message = errorMessage(received.body());
        if (status == 429 && "RUN_NOT_RUNNABLE".equals(code)) {
            return CallOutcome.refused(status, code, message);
        }
        if (status == 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            return CallOutcome.unavailable(call.name() + ": HTTP " + status + (code.isEmpty() ? "" : " " + code)
                    + " after " + received.attempts() + " attempt(s)");
        }
        return CallOutcome.refused(status, code, message);
    }

    private String errorCode(String body) {
        return errorField(body, "code");
    }

    private String errorMessage(String body) {
        return errorField(body, "error");
    }

    private String errorField(String body, String field) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.path(field).isTextual() ? printable(node.get(field).asText()) : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Keeps text from the service short and single-line before it goes into logs or history. */
    private static String printable(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

}
