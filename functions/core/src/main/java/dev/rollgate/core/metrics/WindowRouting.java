package dev.rollgate.core.metrics;

import java.util.Optional;

/** Routing fields allowed beside a window's fields (the EventBridge detail names agent, version, rollout). */
public record WindowRouting(Optional<String> agent, Optional<String> version, Optional<String> rolloutId) {
    public static final WindowRouting NONE = new WindowRouting(Optional.empty(), Optional.empty(), Optional.empty());
}
