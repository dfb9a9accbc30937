package dev.rollgate.core.metrics;

/** Latency quantiles of one window in milliseconds; p50 <= p90 <= p99. */
public record LatencyQuantiles(double p50, double p90, double p99) {
}
