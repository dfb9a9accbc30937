package dev.rollgate.core.state;

/** What creating a rollout without an idempotency key did. */
public sealed interface CreateOutcome {
    record Created(Rollout rollout) implements CreateOutcome {
    }

    /** A rollout with this id exists already; it is returned unchanged. */
    record IdTaken(Rollout existing) implements CreateOutcome {
    }
}
