package dev.rollgate.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/policy/simulate|evaluate|explain} and {@code /api/v1/policy/bundles/{id}/simulate}. */
final class PolicyEndpoints {
    static final Set<String> REQUEST_FIELDS = Set.of("topic", "tenant", "org_id", "team_id", "workflow_id", "step_id",
            "principal_id", "job_id", "priority", "estimated_cost", "budget", "labels", "meta");
    private static final Set<String> BUDGET_FIELDS = Set.of("max_input_tokens", "max_output_tokens",
            "max_total_tokens", "deadline_ms");
    private static final Set<String> META_FIELDS = Set.of("tenant_id", "actor_id", "actor_type", "idempotency_key",
            "capability", "risk_tags", "requires", "pack_id", "labels");
    private static final Set<String> PRIORITIES = Set.of("interactive", "batch", "critical");
    private static final Set<String> ACTOR_TYPES = Set.of("human", "service");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectMapper json;
    private final StandInConfig config;

    PolicyEndpoints(ObjectMapper json, StandInConfig config) {
        this.json = json;
        this.config = config;
    }

    Response simulate(Request request, Caller caller) {
        JsonNode body = request.jsonObject(json);
        Request.onlyFields(body, REQUEST_FIELDS);
        try {
            validate(body);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidJson();
        }
        checkTenant(body, caller);
        return Response.ok(decide(body, config.policyLoaded() ? config.topics() : null));
    }

    Response simulateBundle(Request request, Caller caller, String rawId) {
        String bundleId = rawId.replace('~', '/');
        JsonNode body = request.jsonObject(json);
        Request.onlyFields(body, Set.of("request", "content"));
        JsonNode inner = body.path("request");
        if (!inner.isObject()) {
            throw validationFailed("request must be an object");
        }
        Map<String, StandInConfig.Decision> rules;
        try {
            Request.onlyFields(inner, REQUEST_FIELDS);
            validate(inner);
            if (!inner.path("topic").isTextual() || inner.path("topic").asText().isBlank()) {
                throw new IllegalArgumentException("request.topic is required");
            }
            rules = body.hasNonNull("content") ? parseContent(body.get("content"))
                    : config.bundles().getOrDefault(bundleId, new StandInConfig.Bundle(null)).topics();
        } catch (IllegalArgumentException | ApiError e) {
            throw validationFailed(e.getMessage());
        }
        checkTenant(inner, caller);
        return Response.ok(decide(inner, rules));
    }

    private static ApiError validationFailed(String detail) {
        return new ApiError(400, "POLICY_VALIDATION_FAILED", "policy validation failed: " + detail);
    }

    /** Inline bundle content: YAML with a {@code topics} map of the same shape as the config's. */
    private Map<String, StandInConfig.Decision> parseContent(JsonNode content) {
        if (!content.isTextual()) {
            throw new IllegalArgumentException("content must be a string");
        }
        try {
            JsonNode tree = YAML.readTree(content.asText());
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException("content must be a YAML mapping");
            }
            Request.onlyFields(tree, Set.of("topics"));
            StandInConfig.Bundle bundle = YAML.treeToValue(tree, StandInConfig.Bundle.class);
            return bundle.topics();
        } catch (IOException e) {
            throw new IllegalArgumentException("content is not a valid bundle");
        }
    }

    private static void validate(JsonNode body) {
        if (body.has("priority") && !PRIORITIES.contains(body.get("priority").asText())) {
            throw new IllegalArgumentException("priority must be one of " + PRIORITIES);
        }
        if (body.has("labels") && !isStringMap(body.get("labels"))) {
            throw new IllegalArgumentException("labels must map strings to strings");
        }
        if (body.has("budget")) {
            if (!body.get("budget").isObject()) {
                throw new IllegalArgumentException("budget must be an object");
            }
            Request.onlyFields(body.get("budget"), BUDGET_FIELDS);
        }
        if (body.has("meta")) {
            JsonNode meta = body.get("meta");
            if (!meta.isObject()) {
                throw new IllegalArgumentException("meta must be an object");
            }
            Request.onlyFields(meta, META_FIELDS);
            if (meta.has("actor_type") && !ACTOR_TYPES.contains(meta.get("actor_type").asText())) {
                throw new IllegalArgumentException("meta.actor_type must be one of " + ACTOR_TYPES);
            }
        }
    }

    private static boolean isStringMap(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        for (JsonNode value : (Iterable<JsonNode>) node::elements) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void checkTenant(JsonNode body, Caller caller) {
        if (body.hasNonNull("tenant") && !body.get("tenant").asText().equals(caller.tenant())) {
            throw new ApiError(403, "forbidden", "tenant access denied");
        }
    }

    /** @param rules null when no policy is loaded */
    private static Map<String, Object> decide(JsonNode body, Map<String, StandInConfig.Decision> rules) {
        String topic = body.path("topic").asText("");
        if (rules == null) {
            return answer("DECISION_TYPE_DENY", "no policy loaded — fail-closed", "", false, "", Map.of());
        } else if (topic.isEmpty()) {
            return answer("DECISION_TYPE_DENY", "missing topic", "", false, "", Map.of());
        } else if (!topic.startsWith("job.")) {
            return answer("DECISION_TYPE_DENY", "unsupported topic", "", false, "", Map.of());
        }
        StandInConfig.Decision rule = rules.get(topic);
        if (rule == null) {
            return answer("DECISION_TYPE_DENY", "no matching rule — default policy: deny", "", false, "", Map.of());
        }
        return answer(rule.decision(), rule.reason(), rule.ruleId(), rule.approvalRequired(), rule.approvalRef(),
                rule.constraints());
    }

    private static Map<String, Object> answer(String decision, String reason, String ruleId, boolean approvalRequired,
                                              String approvalRef, Map<String, Object> constraints) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", decision);
        out.put("reason", reason);
        out.put("ruleId", ruleId);
        out.put("policySnapshot", "standin-snapshot-1");
        out.put("constraints", constraints);
        out.put("approvalRequired", approvalRequired);
        out.put("approvalRef", approvalRef);
        out.put("redactedContextPtr", "");
        out.put("remediations", List.of());
        return out;
    }
}
