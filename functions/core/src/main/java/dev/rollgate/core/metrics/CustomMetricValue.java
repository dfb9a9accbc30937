package dev.rollgate.core.metrics;

/** One window's value of a policy-declared custom metric family. */
public sealed interface CustomMetricValue {
    /** {@code events} out of {@code total}, e.g. tool calls rejected by schema out of all tool calls. */
    record CountPair(long events, long total) implements CustomMetricValue {
    }

    /** A sample summary of a continuous score, e.g. an online eval score in 0..1. */
    record ScoreSummary(long count, double mean, double p10, double p50, double p90) implements CustomMetricValue {
    }
}
