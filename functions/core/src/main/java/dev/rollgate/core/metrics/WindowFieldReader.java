package dev.rollgate.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.time.IsoInstants;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the fields of one window object, collecting every problem instead of stopping at the first. */
final class WindowFieldReader {
    private static final Set<String> WINDOW_FIELDS = Set.of("variant", "windowStart", "windowSeconds", "requests",
            "errors", "latencyMs", "policyEvaluations", "policyDenies", "safetyDenies", "parseFailures",
            "schemaViolations", "approvalBacklog", "reasonCodes", "criticalIncidents", "custom");
    private static final Set<String> ROUTING_FIELDS = Set.of("agent", "version", "rolloutId");
    private static final Set<String> LATENCY_FIELDS = Set.of("p50", "p90", "p99");
    private static final Set<String> COUNT_PAIR_FIELDS = Set.of("events", "total");
    private static final Set<String> SCORE_FIELDS = Set.of("count", "mean", "p10", "p50", "p90");

    private final JsonNode node;
    private final int line;
    private final List<WindowRejection> problems = new ArrayList<>();

    private final Map<String, CustomMetricSpec.Kind> declaredCustom;

    WindowFieldReader(JsonNode node, int line, Map<String, CustomMetricSpec.Kind> declaredCustom) {
        this.node = node;
        this.line = line;
        this.declaredCustom = declaredCustom;
    }

    List<WindowRejection> problems() {
        return problems;
    }

    Optional<MetricWindow> read() {
        rejectUnknown(node, "", WINDOW_FIELDS, ROUTING_FIELDS);
        Variant variant = variant();
        Instant windowStart = windowStart();
        long windowSeconds = count("windowSeconds", true);
        if (windowSeconds == 0 && !hasProblem("windowSeconds")) {
            problem("windowSeconds", RejectionReason.INVALID_VALUE, "must be greater than 0");
        } else if (windowSeconds > WindowParser.MAX_WINDOW_SECONDS) {
            problem("windowSeconds", RejectionReason.INVALID_VALUE,
                    "must be at most " + WindowParser.MAX_WINDOW_SECONDS + " (one day)");
        }
        long requests = count("requests", true);
        long errors = count("errors", false);
        long evaluations = count("policyEvaluations", false);
        long denies = count("policyDenies", false);
        if (errors > requests) {
            problem("errors", RejectionReason.ERRORS_EXCEED_REQUESTS, "errors " + errors + " > requests " + requests);
        }
        if (denies > evaluations) {
            problem("policyDenies", RejectionReason.DENIES_EXCEED_EVALUATIONS,
                    "policyDenies " + denies + " > policyEvaluations " + evaluations);
        }
        Optional<LatencyQuantiles> latency = latency(requests);
        long safetyDenies = count("safetyDenies", false);
        long parseFailures = count("parseFailures", false);
        long schemaViolations = count("schemaViolations", false);
        long approvalBacklog = count("approvalBacklog", false);
        Map<String, Long> reasonCodes = reasonCodes();
        long criticalIncidents = count("criticalIncidents", false);
        Map<String, CustomMetricValue> custom = custom();
        WindowRouting routing = new WindowRouting(text("agent"), text("version"), text("rolloutId"));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MetricWindow(variant, windowStart, windowSeconds, requests, errors, latency,
                evaluations, denies, safetyDenies, parseFailures, schemaViolations, approvalBacklog, reasonCodes,
                criticalIncidents, custom, routing));
    }

    private void rejectUnknown(JsonNode object, String prefix, Set<String> known, Set<String> alsoKnown) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name) && !alsoKnown.contains(name)) {
                problem(prefix + name, RejectionReason.UNKNOWN_FIELD, "not a metric window field");
            }
        }
    }

    private Variant variant() {
        JsonNode value = node.get("variant");
        if (value == null || value.isNull()) {
            problem("variant", RejectionReason.MISSING_FIELD, "required: baseline, canary or shadow");
            return null;
        }
        if (!value.isTextual()) {
            problem("variant", RejectionReason.WRONG_TYPE, "must be a string");
            return null;
        }
        for (Variant v : Variant.values()) {
            if (v.wireName().equals(value.textValue())) {
                return v;
            }
        }
        problem("variant", RejectionReason.INVALID_VALUE, "must be baseline, canary or shadow");
        return null;
    }

    private Instant windowStart() {
        JsonNode value = node.get("windowStart");
        if (value == null || value.isNull()) {
            problem("windowStart", RejectionReason.MISSING_FIELD, "required: an ISO-8601 UTC timestamp");
            return null;
        }
        if (!value.isTextual()) {
            problem("windowStart", RejectionReason.WRONG_TYPE, "must be an ISO-8601 UTC timestamp string");
            return null;
        }
        // Agents send what Instant.toString() writes; the hand reader skips java.time.format for that shape and
        // accepts nothing OffsetDateTime would read differently (IsoInstantsProperties).
        Optional<Instant> canonical = IsoInstants.parseCanonical(value.textValue());
        if (canonical.isPresent()) {
            return canonical.get();
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.textValue());
            if (!time.getOffset().equals(ZoneOffset.UTC)) {
                problem("windowStart", RejectionReason.INVALID_VALUE, "must be in UTC (Z or +00:00)");
                return null;
            }
            return time.toInstant();
        } catch (DateTimeException e) {
            problem("windowStart", RejectionReason.INVALID_VALUE, "not an ISO-8601 timestamp");
            return null;
        }
    }

    /** A non-negative whole number; absent optional counters are 0. */
    private long count(String field, boolean required) {
        return count(node, field, field, required);
    }

    private long count(JsonNode object, String field, String path, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path, RejectionReason.MISSING_FIELD, "required");
            }
            return 0;
        }
        if (!value.isNumber()) {
            problem(path, RejectionReason.WRONG_TYPE, "must be a number");
            return 0;
        }
        if (!Double.isFinite(value.doubleValue())) {
            problem(path, RejectionReason.NON_FINITE_NUMBER, "must be finite");
            return 0;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            problem(path, RejectionReason.WRONG_TYPE, "must be a whole number");
            return 0;
        }
        long result = value.longValue();
        if (result < 0) {
            problem(path, RejectionReason.NEGATIVE_COUNT, "must not be negative");
            return 0;
        }
        if (result > WindowParser.MAX_COUNT) {
            problem(path, RejectionReason.INVALID_VALUE, "must be at most " + WindowParser.MAX_COUNT);
            return 0;
        }
        return result;
    }

    private double finite(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            problem(path, RejectionReason.MISSING_FIELD, "required");
            return Double.NaN;
        }
        if (!value.isNumber()) {
            problem(path, RejectionReason.WRONG_TYPE, "must be a number");
            return Double.NaN;
        }
        double result = value.doubleValue();
        if (!Double.isFinite(result)) {
            problem(path, RejectionReason.NON_FINITE_NUMBER, "must be finite");
            return Double.NaN;
        }
        return result;
    }

    private Optional<LatencyQuantiles> latency(long requests) {
        JsonNode value = node.get("latencyMs");
        if (value == null || value.isNull()) {
            if (requests > 0) {
                problem("latencyMs", RejectionReason.MISSING_FIELD, "required when requests > 0");
            }
            return Optional.empty();
        }
        if (!value.isObject()) {
            problem("latencyMs", RejectionReason.WRONG_TYPE, "must be an object with p50, p90, p99");
            return Optional.empty();
        }
        rejectUnknown(value, "latencyMs.", LATENCY_FIELDS, Set.of());
        int before = problems.size();
        double p50 = finite(value, "p50", "latencyMs.p50");
        double p90 = finite(value, "p90", "latencyMs.p90");
        double p99 = finite(value, "p99", "latencyMs.p99");
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (p50 < 0) {
            problem("latencyMs.p50", RejectionReason.INVALID_VALUE, "must not be negative");
        }
        for (Map.Entry<String, Double> q : Map.of("p50", p50, "p90", p90, "p99", p99).entrySet()) {
            if (q.getValue() > WindowParser.MAX_LATENCY_MS) {
                problem("latencyMs." + q.getKey(), RejectionReason.INVALID_VALUE,
                        "must be at most " + (long) WindowParser.MAX_LATENCY_MS + " ms (one day)");
            }
        }
        if (p50 > p90 || p90 > p99) {
            problem("latencyMs", RejectionReason.QUANTILES_OUT_OF_ORDER, "need p50 <= p90 <= p99");
        }
        return Optional.of(new LatencyQuantiles(p50, p90, p99));
    }

    private Map<String, Long> reasonCodes() {
        JsonNode value = node.get("reasonCodes");
        Map<String, Long> codes = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return codes;
        }
        if (!value.isObject()) {
            problem("reasonCodes", RejectionReason.WRONG_TYPE, "must be an object of code -> count");
            return codes;
        }
        value.fieldNames().forEachRemaining(code -> codes.put(code, count(value, code, "reasonCodes." + code, true)));
        return codes;
    }

    private Map<String, CustomMetricValue> custom() {
        JsonNode value = node.get("custom");
        Map<String, CustomMetricValue> families = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return families;
        }
        if (!value.isObject()) {
            problem("custom", RejectionReason.WRONG_TYPE, "must be an object of family -> value");
            return families;
        }
        value.fieldNames().forEachRemaining(name -> customValue(value.get(name), "custom." + name)
                .ifPresent(v -> families.put(name, v)));
        return families;
    }

    private Optional<CustomMetricValue> customValue(JsonNode value, String path) {
        if (!value.isObject()) {
            problem(path, RejectionReason.WRONG_TYPE, "must be {events, total} or {count, mean, p10, p50, p90}");
            return Optional.empty();
        }
        String name = path.substring("custom.".length());
        boolean countPair = value.has("events") || value.has("total");
        if (declaredCustom != null) {
            CustomMetricSpec.Kind kind = declaredCustom.get(name);
            if (kind == null) {
                problem(path, RejectionReason.UNDECLARED_CUSTOM_METRIC, "'" + name
                        + "' is not declared in the policy's custom_metrics");
                return Optional.empty();
            }
            if (countPair != (kind == CustomMetricSpec.Kind.COUNT)) {
                problem(path, RejectionReason.WRONG_TYPE, "declared as a " + kind.wireName() + " metric: send "
                        + (kind == CustomMetricSpec.Kind.COUNT ? "{events, total}" : "{count, mean, p10, p50, p90}"));
                return Optional.empty();
            }
        }
        int before = problems.size();
        if (countPair) {
            rejectUnknown(value, path + ".", COUNT_PAIR_FIELDS, Set.of());
            long events = count(value, "events", path + ".events", true);
            long total = count(value, "total", path + ".total", true);
            if (events > total) {
                problem(path + ".events", RejectionReason.EVENTS_EXCEED_TOTAL, "events " + events + " > total " + total);
            }
            return problems.size() > before ? Optional.empty()
                    : Optional.of(new CustomMetricValue.CountPair(events, total));
        }
        rejectUnknown(value, path + ".", SCORE_FIELDS, Set.of());
        long count = count(value, "count", path + ".count", true);
        double mean = finite(value, "mean", path + ".mean");
        double p10 = finite(value, "p10", path + ".p10");
        double p50 = finite(value, "p50", path + ".p50");
        double p90 = finite(value, "p90", path + ".p90");
        if (problems.size() == before && (p10 > p50 || p50 > p90)) {
            problem(path, RejectionReason.QUANTILES_OUT_OF_ORDER, "need p10 <= p50 <= p90");
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new CustomMetricValue.ScoreSummary(count, mean, p10, p50, p90));
    }

    private Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            problem(field, RejectionReason.WRONG_TYPE, "must be a non-empty string");
            return Optional.empty();
        }
        if (value.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > WindowParser.MAX_ROUTING_BYTES) {
            problem(field, RejectionReason.INVALID_VALUE, "must be at most " + WindowParser.MAX_ROUTING_BYTES
                    + " bytes");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    private void problem(String field, RejectionReason reason, String message) {
        problems.add(new WindowRejection(line, field, reason, message));
    }
}
