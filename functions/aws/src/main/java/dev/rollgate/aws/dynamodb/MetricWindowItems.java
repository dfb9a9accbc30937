package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.Attrs.dbl;
import static dev.rollgate.aws.dynamodb.Attrs.lng;
import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;

/** MetricWindow <-> item attributes (keys and TTL are added by the store). */
final class MetricWindowItems {
    private static final String KIND = "kind";
    private static final String COUNT_PAIR = "countPair";
    private static final String SCORE_SUMMARY = "scoreSummary";

    private MetricWindowItems() {
    }

    static Map<String, AttributeValue> toAttributes(MetricWindow w) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("variant", s(w.variant().wireName()));
        item.put("windowStart", Attrs.instant(w.windowStart()));
        item.put("windowSeconds", n(w.windowSeconds()));
        item.put("requests", n(w.requests()));
        item.put("errors", n(w.errors()));
        w.latencyMs().ifPresent(l -> item.put("latencyMs", AttributeValue.fromM(Map.of(
                "p50", n(l.p50(), "latencyMs.p50"), "p90", n(l.p90(), "latencyMs.p90"),
                "p99", n(l.p99(), "latencyMs.p99")))));
        item.put("policyEvaluations", n(w.policyEvaluations()));
        item.put("policyDenies", n(w.policyDenies()));
        item.put("safetyDenies", n(w.safetyDenies()));
        item.put("parseFailures", n(w.parseFailures()));
        item.put("schemaViolations", n(w.schemaViolations()));
        item.put("approvalBacklog", n(w.approvalBacklog()));
        Map<String, AttributeValue> reasons = new HashMap<>();
        w.reasonCodes().forEach((k, v) -> reasons.put(k, n(v)));
        item.put("reasonCodes", AttributeValue.fromM(reasons));
        item.put("criticalIncidents", n(w.criticalIncidents()));
        Map<String, AttributeValue> custom = new HashMap<>();
        w.custom().forEach((k, v) -> custom.put(k, AttributeValue.fromM(customToMap(k, v))));
        item.put("custom", AttributeValue.fromM(custom));
        w.routing().agent().ifPresent(a -> item.put("routingAgent", s(a)));
        w.routing().version().ifPresent(v -> item.put("routingVersion", s(v)));
        w.routing().rolloutId().ifPresent(r -> item.put("routingRolloutId", s(r)));
        return item;
    }

    private static Map<String, AttributeValue> customToMap(String name, CustomMetricValue value) {
        if (value instanceof CustomMetricValue.CountPair c) {
            return Map.of(KIND, s(COUNT_PAIR), "events", n(c.events()), "total", n(c.total()));
        }
        CustomMetricValue.ScoreSummary sc = (CustomMetricValue.ScoreSummary) value;
        String f = "custom." + name;
        return Map.of(KIND, s(SCORE_SUMMARY), "count", n(sc.count()), "mean", n(sc.mean(), f + ".mean"),
                "p10", n(sc.p10(), f + ".p10"), "p50", n(sc.p50(), f + ".p50"), "p90", n(sc.p90(), f + ".p90"));
    }

    static MetricWindow fromItem(Map<String, AttributeValue> item) {
        Optional<LatencyQuantiles> latency = Optional.ofNullable(item.get("latencyMs")).map(AttributeValue::m)
                .map(m -> new LatencyQuantiles(dbl(m, "p50"), dbl(m, "p90"), dbl(m, "p99")));
        Map<String, Long> reasons = new HashMap<>();
        Attrs.map(item, "reasonCodes").forEach((k, v) -> reasons.put(k, Long.parseLong(v.n())));
        Map<String, CustomMetricValue> custom = new HashMap<>();
        Attrs.map(item, "custom").forEach((k, v) -> custom.put(k, customFromMap(v.m())));
        WindowRouting routing = new WindowRouting(Attrs.optStr(item, "routingAgent"),
                Attrs.optStr(item, "routingVersion"), Attrs.optStr(item, "routingRolloutId"));
        return new MetricWindow(Variant.valueOf(Attrs.str(item, "variant").toUpperCase(java.util.Locale.ROOT)),
                Attrs.instant(item, "windowStart"), lng(item, "windowSeconds"), lng(item, "requests"),
                lng(item, "errors"), latency, lng(item, "policyEvaluations"), lng(item, "policyDenies"),
                lng(item, "safetyDenies"), lng(item, "parseFailures"), lng(item, "schemaViolations"),
                lng(item, "approvalBacklog"), reasons, lng(item, "criticalIncidents"), custom, routing);
    }

    private static CustomMetricValue customFromMap(Map<String, AttributeValue> m) {
        String kind = Attrs.str(m, KIND);
        if (COUNT_PAIR.equals(kind)) {
            return new CustomMetricValue.CountPair(lng(m, "events"), lng(m, "total"));
        }
        if (SCORE_SUMMARY.equals(kind)) {
            return new CustomMetricValue.ScoreSummary(lng(m, "count"), dbl(m, "mean"), dbl(m, "p10"),
                    dbl(m, "p50"), dbl(m, "p90"));
        }
        throw new IllegalStateException("stored custom metric has unknown kind '" + kind + "'");
    }
}
