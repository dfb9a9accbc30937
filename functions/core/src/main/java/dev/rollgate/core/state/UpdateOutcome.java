package dev.rollgate.core.state;

/** What a conditional rollout update did. */
public sealed interface UpdateOutcome {
    /** Applied; {@code rollout} is the stored result with its new version. */
    record Updated(Rollout rollout) implements UpdateOutcome {
    }

    /** Refused: the stored rollout has another version than expected; nothing was written. */
    record Stale(String rolloutId, long expectedVersion, long actualVersion) implements UpdateOutcome {
    }

    /** Refused: no rollout with this id. */
    record NotFound(String rolloutId) implements UpdateOutcome {
    }
}
