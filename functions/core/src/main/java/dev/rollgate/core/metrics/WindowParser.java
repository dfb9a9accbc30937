package dev.rollgate.core.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.RolloutPolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads metric windows from JSONL (one object per line) or from a single EventBridge event detail, validating
 * every rule of the window format. Bad windows are rejected with line, field and reason and never returned;
 * an identical duplicate of an accepted window counts once; a duplicate (variant, windowStart) with different
 * content is rejected and the first one kept.
 */
public final class WindowParser {
    /**
     * Upper bounds of a plausible window. Beyond them a value is a bug or an attack, not data: sums over a stage
     * would overflow, window ends would leave the time line, and an item would outgrow DynamoDB's 400 KB.
     */
    public static final int MAX_WINDOW_CHARS = 64 * 1024;
    /** Any counter of one window (10^12: far above any agent's traffic per interval). */
    public static final long MAX_COUNT = 1_000_000_000_000L;
    /** One day. */
    public static final long MAX_WINDOW_SECONDS = 86_400;
    /** Routing fields (agent, version, rolloutId): the state store's identifier limit. */
    public static final int MAX_ROUTING_BYTES = 512;
    /** One day, in milliseconds. */
    public static final double MAX_LATENCY_MS = 86_400_000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // NaN / Infinity tokens are parsed so they can be rejected by name rather than as broken JSON.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Custom families the policy declares, with their kind; null accepts any family (no policy at hand). */
    private final Map<String, CustomMetricSpec.Kind> declaredCustom;

    /** A parser that accepts any custom family (ingestion before the rollout's policy is known). */
    public WindowParser() {
        this.declaredCustom = null;
    }

    /** A parser that rejects custom families the policy does not declare, or sends with another kind. */
    public WindowParser(Map<String, CustomMetricSpec.Kind> declaredCustom) {
        this.declaredCustom = Map.copyOf(declaredCustom);
    }

    public static WindowParser forPolicy(RolloutPolicy policy) {
        Map<String, CustomMetricSpec.Kind> declared = new java.util.HashMap<>();
        policy.customMetrics().forEach(c -> declared.put(c.name(), c.kind()));
        return new WindowParser(declared);
    }

    /** Parses a whole JSONL document; blank lines are skipped. */
    public WindowParseResult parse(String jsonl) {
        try {
            return parse(new BufferedReader(new java.io.StringReader(jsonl)));
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    /**
     * Parses JSONL from a reader.
     *
     * @throws UncheckedIOException when the reader fails (an I/O problem, not invalid input)
     */
    public WindowParseResult parse(BufferedReader reader) {
        Map<String, Accepted> byKey = new LinkedHashMap<>();
        List<WindowRejection> rejections = new ArrayList<>();
        int duplicates = 0;
        int lineNumber = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                LineResult result = parseLine(line, lineNumber);
                if (result instanceof LineResult.Rejected rejected) {
                    rejections.addAll(rejected.rejections());
                    continue;
                }
                MetricWindow window = ((LineResult.Parsed) result).window();
                Accepted earlier = byKey.get(window.key());
                if (earlier == null) {
                    byKey.put(window.key(), new Accepted(window, lineNumber));
                } else if (earlier.window().equals(window)) {
                    duplicates++;
                } else {
                    rejections.add(new WindowRejection(lineNumber, "windowStart", RejectionReason.CONFLICTING_DUPLICATE,
                            "a different " + window.variant().wireName() + " window for " + window.windowStart()
                                    + " was already read on line " + earlier.line()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metric windows", e);
        }
        return new WindowParseResult(byKey.values().stream().map(Accepted::window).toList(), rejections, duplicates);
    }

    /** Parses one JSON object (a JSONL line or an event detail). */
    public LineResult parseLine(String json, int lineNumber) {
        if (json.length() > MAX_WINDOW_CHARS) {
            return LineResult.rejected(new WindowRejection(lineNumber, "$", RejectionReason.OVERSIZED_WINDOW,
                    "a metric window is at most " + MAX_WINDOW_CHARS + " characters, got " + json.length()));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return LineResult.rejected(new WindowRejection(lineNumber, "$", RejectionReason.MALFORMED_JSON,
                    "not valid JSON: " + e.getOriginalMessage()));
        }
        return parseNode(node, lineNumber);
    }

    /** Validates an already parsed JSON tree, e.g. the {@code detail} of an EventBridge event. */
    public LineResult parseNode(JsonNode node, int lineNumber) {
        if (node == null || !node.isObject()) {
            return LineResult.rejected(new WindowRejection(lineNumber, "$", RejectionReason.NOT_AN_OBJECT,
                    "a metric window must be a JSON object"));
        }
        WindowFieldReader reader = new WindowFieldReader(node, lineNumber, declaredCustom);
        return reader.read()
                .<LineResult>map(LineResult.Parsed::new)
                .orElseGet(() -> new LineResult.Rejected(reader.problems()));
    }

    private record Accepted(MetricWindow window, int line) {
    }

    /** Outcome for one object: a window or the list of its problems. */
    public sealed interface LineResult {
        static LineResult rejected(WindowRejection rejection) {
            return new Rejected(List.of(rejection));
        }

        record Parsed(MetricWindow window) implements LineResult {
        }

        record Rejected(List<WindowRejection> rejections) implements LineResult {
            public Rejected {
                rejections = List.copyOf(rejections);
            }
        }
    }
}
