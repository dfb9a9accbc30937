package dev.rollgate.core.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Map;

/** Writes windows in the wire format {@link WindowParser} reads (one JSON object, JSONL for many). */
public final class WindowWriter {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public String toJson(MetricWindow window) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("variant", window.variant().wireName());
        node.put("windowStart", window.windowStart().toString());
        node.put("windowSeconds", window.windowSeconds());
        node.put("requests", window.requests());
        node.put("errors", window.errors());
        window.latencyMs().ifPresent(l -> node.putObject("latencyMs").put("p50", l.p50()).put("p90", l.p90())
                .put("p99", l.p99()));
        node.put("policyEvaluations", window.policyEvaluations());
        node.put("policyDenies", window.policyDenies());
        node.put("safetyDenies", window.safetyDenies());
        node.put("parseFailures", window.parseFailures());
        node.put("schemaViolations", window.schemaViolations());
        node.put("approvalBacklog", window.approvalBacklog());
        ObjectNode codes = node.putObject("reasonCodes");
        window.reasonCodes().forEach(codes::put);
        node.put("criticalIncidents", window.criticalIncidents());
        if (!window.custom().isEmpty()) {
            ObjectNode custom = node.putObject("custom");
            for (Map.Entry<String, CustomMetricValue> e : window.custom().entrySet()) {
                ObjectNode value = custom.putObject(e.getKey());
                if (e.getValue() instanceof CustomMetricValue.CountPair pair) {
                    value.put("events", pair.events()).put("total", pair.total());
                } else if (e.getValue() instanceof CustomMetricValue.ScoreSummary s) {
                    value.put("count", s.count()).put("mean", s.mean()).put("p10", s.p10()).put("p50", s.p50())
                            .put("p90", s.p90());
                }
            }
        }
        window.routing().agent().ifPresent(v -> node.put("agent", v));
        window.routing().version().ifPresent(v -> node.put("version", v));
        window.routing().rolloutId().ifPresent(v -> node.put("rolloutId", v));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    public String toJsonLines(Collection<MetricWindow> windows) {
        StringBuilder out = new StringBuilder();
        windows.forEach(w -> out.append(toJson(w)).append('\n'));
        return out.toString();
    }
}
