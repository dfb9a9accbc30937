package dev.rollgate.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The unified approval queue: list, approve, reject. */
final class ApprovalEndpoints {
    private static final Set<String> TERMINAL_OTHER = Set.of("expired", "invalidated", "repaired");

    private final ObjectMapper json;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final StandInConfig.Approval config;
        String status;
        int lockContention;

        Entry(StandInConfig.Approval config) {
            this.config = config;
            this.status = config.status();
            this.lockContention = config.lockContention();
        }
    }

    ApprovalEndpoints(ObjectMapper json, List<StandInConfig.Approval> approvals) {
        this.json = json;
        reset(approvals);
    }

    synchronized void reset(List<StandInConfig.Approval> approvals) {
        entries.clear();
        approvals.forEach(a -> entries.put(a.jobId(), new Entry(a)));
    }

    synchronized Response list(Request request, Caller caller) {
        int limit = intParam(request, "limit", 50);
        int cursor = intParam(request, "cursor", 0);
        if (limit <= 0 || cursor < 0) {
            throw new ApiError(400, "invalid_request", "limit must be positive and cursor not negative");
        }
        boolean includeResolved = !"false".equals(request.query.get("include_resolved"));
        List<Entry> visible = entries.values().stream().filter(e -> e.config.tenant().equals(caller.tenant()))
                .filter(e -> includeResolved || e.status.equals("pending")).toList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = cursor; i < Math.min(visible.size(), cursor + limit); i++) {
            items.add(item(visible.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("next_cursor", cursor + limit < visible.size() ? cursor + limit : null);
        return Response.ok(out);
    }

    synchronized Response resolve(Request request, Caller caller, String jobId, boolean approve) {
        if (request.hasBody()) {
            JsonNode body = request.jsonObject(json);
            Request.onlyFields(body, Set.of("reason", "note"));
        }
        Entry entry = entries.get(jobId);
        if (entry == null || !entry.config.tenant().equals(caller.tenant())) {
            throw new ApiError(404, "approval_not_found", "approval not found");
        }
        if (!entry.config.submitter().isEmpty() && entry.config.submitter().equals(caller.principal())) {
            throw new ApiError(403, "self_approval_denied", "approver must differ from the submitter");
        }
        if (!entry.config.conflict().isEmpty()) {
            throw new ApiError(409, entry.config.conflict(), "approval cannot be resolved");
        }
        if (entry.lockContention > 0) {
            entry.lockContention--;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("job_id", jobId);
            out.put("code", "approval_retryable_lock");
            out.put("retryable", true);
            out.put("error", "approval is locked by another change, retry");
            return Response.ok(out);
        }
        String wanted = approve ? "approved" : "rejected";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job_id", jobId);
        if (entry.status.equals(wanted)) {
            out.put("status", "already_" + wanted);
            return Response.ok(out);
        } else if (entry.status.equals("approved") || entry.status.equals("rejected")) {
            throw new ApiError(409, "approval_already_resolved", "approval already resolved");
        } else if (TERMINAL_OTHER.contains(entry.status)) {
            throw new ApiError(409, "approval_not_actionable", "approval is " + entry.status);
        }
        entry.status = wanted;
        out.put("status", wanted);
        out.put("approval_status", wanted);
        out.put("approved_by", caller.principal());
        return Response.ok(out);
    }

    private static Map<String, Object> item(Entry e) {
        StandInConfig.Approval a = e.config;
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", a.jobId());
        job.put("state", switch (e.status) {
            case "pending" -> "APPROVAL_REQUIRED";
            case "approved" -> "SCHEDULED";
            case "rejected" -> "DENIED";
            default -> "CANCELLED";
        });
        job.put("topic", a.topic());
        job.put("tenant", a.tenant());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job", job);
        out.put("decision", a.decision());
        out.put("policy_rule_id", a.policyRuleId());
        out.put("policy_reason", a.policyReason());
        out.put("approval_status", e.status);
        out.put("workflow_id", a.workflowId());
        out.put("workflow_run_id", a.workflowRunId());
        out.put("workflow_step_id", a.workflowStepId());
        out.put("step_name", a.stepName());
        out.put("gate_type", a.gateType());
        out.put("created_at", "2026-01-01T00:00:00Z");
        return out;
    }

    private static int intParam(Request request, String name, int fallback) {
        String value = request.query.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "invalid_request", name + " must be an integer");
        }
    }
}
