package dev.rollgate.core.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Starting rollouts exactly once per idempotency key. Keys are scoped per tenant and expire after
 * {@link #KEY_LIFETIME}; an expired key counts as unused even where the store has not deleted it yet.
 */
public interface RolloutStarts {
    Duration KEY_LIFETIME = Duration.ofHours(24);

    /**
     * Creates the rollout, its first history event and the key record together. The same key with the same
     * request ({@link NewRollout#fingerprint()}) returns the first rollout, even when the rollout id differs;
     * concurrent duplicates create exactly one rollout.
     */
    StartOutcome start(String idempotencyKey, NewRollout request, Instant now);
}
