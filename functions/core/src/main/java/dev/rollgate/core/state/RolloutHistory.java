package dev.rollgate.core.state;

/** The append-only event history of each rollout. Nothing here updates or deletes an event. */
public interface RolloutHistory {
    /** Appends {@code entry} after the rollout's last event and returns it with its sequence number. */
    HistoryEvent append(String rolloutId, HistoryEntry entry);

    /** The rollout's events in the order they were appended. */
    Page<HistoryEvent> read(String rolloutId, PageRequest page);
}
