package dev.rollgate.core.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fake {@link RolloutStarts}: one lock makes the key check and the creation one step. */
public final class InMemoryRolloutStarts implements RolloutStarts {
    private record KeyRecord(String fingerprint, String rolloutId, Instant expiresAt) {
    }

    private final Map<String, KeyRecord> keys = new HashMap<>();
    private final InMemoryRollouts rollouts;

    public InMemoryRolloutStarts(InMemoryRollouts rollouts) {
        this.rollouts = rollouts;
    }

    @Override
    public synchronized StartOutcome start(String idempotencyKey, NewRollout request, Instant now) {
        StateLimits.requireId(idempotencyKey, "idempotencyKey");
        String scoped = request.tenant() + "#" + idempotencyKey;
        KeyRecord existing = keys.get(scoped);
        if (existing != null && existing.expiresAt().isAfter(now)) {
            if (!existing.fingerprint().equals(request.fingerprint())) {
                return new StartOutcome.KeyConflict(idempotencyKey, existing.rolloutId());
            }
            return new StartOutcome.AlreadyStarted(rollouts.get(existing.rolloutId()).orElseThrow());
        }
        CreateOutcome created = rollouts.create(request, now);
        if (created instanceof CreateOutcome.IdTaken taken) {
            throw new IllegalArgumentException("rollout id " + taken.existing().id() + " is already used");
        }
        Rollout rollout = ((CreateOutcome.Created) created).rollout();
        keys.put(scoped, new KeyRecord(request.fingerprint(), rollout.id(), now.plus(KEY_LIFETIME)));
        return new StartOutcome.Started(rollout);
    }
}
