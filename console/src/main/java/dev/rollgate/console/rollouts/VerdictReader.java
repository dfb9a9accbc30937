package dev.rollgate.console.rollouts;

import dev.rollgate.core.state.HistoryEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.rollgate.console.rollouts.HistoryVocabulary.METRIC_PREFIX;

/** Turns {@code GATE_EVALUATED} history events into verdict rows (see {@link HistoryVocabulary}). */
final class VerdictReader {
    private static final List<String> KNOWN = List.of("result", "canary", "baseline", "pValue", "threshold",
            "explanation");

    private VerdictReader() {
    }

    static Optional<Verdict> read(HistoryEvent event) {
        if (!HistoryVocabulary.GATE_EVALUATED.equals(event.type())) {
            return Optional.empty();
        }
        Map<String, String> d = event.detail();
        Map<String, Map<String, String>> byMetric = new TreeMap<>();
        d.forEach((key, value) -> {
            if (key.startsWith(METRIC_PREFIX)) {
                String rest = key.substring(METRIC_PREFIX.length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    byMetric.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>())
                            .put(rest.substring(dot + 1), value);
                }
            }
        });
        List<Verdict.MetricExplanation> metrics = new ArrayList<>();
        byMetric.forEach((metric, fields) -> {
            StringBuilder explanation = new StringBuilder(fields.getOrDefault("explanation", ""));
            fields.forEach((field, value) -> {
                if (!KNOWN.contains(field)) {
                    explanation.append(explanation.length() > 0 ? "; " : "").append(field).append('=').append(value);
                }
            });
            metrics.add(new Verdict.MetricExplanation(metric, fields.getOrDefault("result", ""),
                    fields.getOrDefault("canary", ""), fields.getOrDefault("baseline", ""),
                    fields.getOrDefault("pValue", ""), fields.getOrDefault("threshold", ""),
                    explanation.toString(), MetricKind.BUILT_IN));
        });
        String scoreClass = d.getOrDefault(HistoryVocabulary.SCORE_CLASS, event.reasonCode());
        return Optional.of(new Verdict(event.sequence(), event.at(), d.getOrDefault(HistoryVocabulary.STAGE, ""),
                d.getOrDefault(HistoryVocabulary.SCORE, ""), scoreClass, metrics,
                d.getOrDefault(HistoryVocabulary.TRIGGER, "")));
    }
}
