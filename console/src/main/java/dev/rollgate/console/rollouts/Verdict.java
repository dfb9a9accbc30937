package dev.rollgate.console.rollouts;

import java.time.Instant;
import java.util.List;

/** One evaluation of a stage as recorded in history, with the judge's per-metric explanation. */
public record Verdict(long sequence, Instant at, String stage, String score, String scoreClass,
                      List<MetricExplanation> metrics) {

    /** Why one metric passed or failed: values, test result and the threshold it was held to. */
    public record MetricExplanation(String metric, String result, String canary, String baseline, String pValue,
                                    String threshold, String explanation) {
    }
}
