package dev.rollgate.core.preflight;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every preflight event in memory, in order. */
public final class InMemoryPreflightAudit implements PreflightAudit {
    private final List<PreflightEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(PreflightEvent event) {
        events.add(event);
    }

    public List<PreflightEvent> events() {
        return List.copyOf(events);
    }
}
