package dev.rollgate.core.state;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;

import java.time.Instant;
import java.util.Map;

/** Validated metric windows per rollout, and counts of the ones rejected before storage. */
public interface MetricWindowStore {
    /** Stores {@code window} for the rollout once; a second put of the same window is a {@code DUPLICATE}. */
    WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now);

    /** The rollout's windows of one variant with {@code from <= windowStart < until}, oldest first. */
    Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until, PageRequest page);

    /**
     * Counts one rejected window. {@code scope} is the rollout id when the window named one, else the agent,
     * else {@code "unrouted"}; {@code reason} is the validator's reason code.
     */
    void countRejected(String scope, String reason);

    /** Rejected-window counts of a scope by reason. */
    Map<String, Long> rejectedCounts(String scope);
}
