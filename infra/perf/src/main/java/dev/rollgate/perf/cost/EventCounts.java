package dev.rollgate.perf.cost;

/**
 * EventBridge traffic of one rollout: metric windows put on the bus by the agent's adapter (one event each, a
 * window being far below the 64 KB that counts as one event), lifecycle events rollgate publishes, and rule matches
 * (every window matches the ingest rule; every lifecycle event matches the optional notification rule).
 */
public record EventCounts(long metricWindowsPut, long lifecycleEventsPut, long ruleMatches) {
    public static EventCounts of(long windowsIngested, long lifecycleEvents) {
        return new EventCounts(windowsIngested, lifecycleEvents, windowsIngested + lifecycleEvents);
    }

    public long eventsPut() {
        return metricWindowsPut + lifecycleEventsPut;
    }
}
