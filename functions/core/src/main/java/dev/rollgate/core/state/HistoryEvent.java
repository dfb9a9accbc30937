package dev.rollgate.core.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored, immutable history event of one rollout.
 *
 * @param sequence 1, 2, 3, ... per rollout, without gaps, in the order the events were appended
 */
public record HistoryEvent(String rolloutId, long sequence, Instant at, String type, String actor,
                           String reasonCode, Map<String, String> detail) {
    public HistoryEvent {
        Objects.requireNonNull(rolloutId, "rolloutId");
        if (sequence < 1) {
            throw new IllegalArgumentException("history sequence starts at 1, was " + sequence);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reasonCode, "reasonCode");
        detail = Map.copyOf(detail);
    }

    public static HistoryEvent stored(String rolloutId, long sequence, HistoryEntry entry) {
        return new HistoryEvent(rolloutId, sequence, entry.at(), entry.type(), entry.actor(), entry.reasonCode(),
                entry.detail());
    }
}
