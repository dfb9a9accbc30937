package dev.rollgate.core.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted windows of an input (in input order, identical duplicates once) and every rejection.
 *
 * @param windows           accepted, distinct windows
 * @param rejections        every problem found, each naming line, field and reason
 * @param duplicatesIgnored identical repeats of an accepted window (counted once, not rejected)
 */
public record WindowParseResult(List<MetricWindow> windows, List<WindowRejection> rejections,
                                int duplicatesIgnored) {
    public WindowParseResult {
        windows = List.copyOf(windows);
        rejections = List.copyOf(rejections);
    }

    public boolean valid() {
        return rejections.isEmpty();
    }

    /** Rejection counts per reason, for ingestion metrics. */
    public Map<RejectionReason, Integer> countsByReason() {
        Map<RejectionReason, Integer> counts = new EnumMap<>(RejectionReason.class);
        rejections.forEach(r -> counts.merge(r.reason(), 1, Integer::sum));
        return counts;
    }
}
