package dev.rollgate.core.state;

import dev.rollgate.core.lifecycle.RolloutState;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One conditional update of a rollout, with the history events that explain it; all of it is written together
 * or not at all.
 *
 * @param expectedVersion the version the caller read; the update is refused when the stored one differs
 * @param lastScore       a new judge score, or empty to keep the stored one
 * @param events          history entries appended in the same write, in order (at most {@value #MAX_EVENTS})
 */
public record RolloutChange(String rolloutId, long expectedVersion, RolloutState state, Optional<Double> lastScore,
                            Instant at, List<HistoryEntry> events) {
    public static final int MAX_EVENTS = 10;

    public RolloutChange {
        StateLimits.requireId(rolloutId, "rolloutId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastScore, "lastScore");
        Objects.requireNonNull(at, "at");
        events = List.copyOf(events);
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a rollout change carries at most " + MAX_EVENTS + " events, had "
                    + events.size());
        }
    }
}
