package dev.rollgate.core.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fake {@link RolloutHistory}: per rollout a list whose index is the sequence number minus one. */
public final class InMemoryRolloutHistory implements RolloutHistory {
    private final Map<String, List<HistoryEvent>> events = new HashMap<>();

    @Override
    public synchronized HistoryEvent append(String rolloutId, HistoryEntry entry) {
        StateLimits.requireId(rolloutId, "rolloutId");
        List<HistoryEvent> list = events.computeIfAbsent(rolloutId, id -> new ArrayList<>());
        HistoryEvent event = HistoryEvent.stored(rolloutId, list.size() + 1L, entry);
        list.add(event);
        return event;
    }

    synchronized List<HistoryEvent> appendAll(String rolloutId, List<HistoryEntry> entries) {
        List<HistoryEvent> out = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            out.add(append(rolloutId, entry));
        }
        return out;
    }

    @Override
    public synchronized Page<HistoryEvent> read(String rolloutId, PageRequest page) {
        List<HistoryEvent> list = List.copyOf(events.getOrDefault(rolloutId, List.of()));
        return InMemoryPages.page(list, page, e -> Long.toString(e.sequence()));
    }
}
