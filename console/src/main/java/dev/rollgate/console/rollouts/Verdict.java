package dev.rollgate.console.rollouts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One evaluation of a stage as recorded in history, with the judge's per-metric explanation.
 *
 * @param trigger the rollback trigger that fired in this evaluation with its explanation (a custom threshold's
 *                names its metric), empty when none fired
 */
public record Verdict(long sequence, Instant at, String stage, String score, String scoreClass,
                      List<MetricExplanation> metrics, String trigger) {
    public Verdict {
        metrics = List.copyOf(metrics);
    }

    /** The same verdict with each metric's kind decided by {@code kindOf} (e.g. from the rollout's policy). */
    Verdict withKinds(Function<String, MetricKind> kindOf) {
        return new Verdict(sequence, at, stage, score, scoreClass,
                metrics.stream().map(m -> m.withKind(kindOf.apply(m.metric()))).toList(), trigger);
    }

    /** Why one metric passed or failed: values, test result and the threshold it was held to. */
    public record MetricExplanation(String metric, String result, String canary, String baseline, String pValue,
                                    String threshold, String explanation, MetricKind kind) {
        MetricExplanation withKind(MetricKind newKind) {
            return new MetricExplanation(metric, result, canary, baseline, pValue, threshold, explanation, newKind);
        }
    }
}
