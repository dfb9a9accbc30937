package dev.rollgate.core.state;

/** What an idempotent start did. */
public sealed interface StartOutcome {
    /** This call created the rollout. */
    record Started(Rollout rollout) implements StartOutcome {
    }

    /** The key was used before with the same request: the rollout it created, nothing new was written. */
    record AlreadyStarted(Rollout rollout) implements StartOutcome {
    }

    /** The key was used before with a different request; nothing was written. */
    record KeyConflict(String idempotencyKey, String existingRolloutId) implements StartOutcome {
    }
}
