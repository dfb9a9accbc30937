package dev.rollgate.core.state;

import dev.rollgate.core.lifecycle.RolloutStatus;

import java.time.Instant;
import java.util.Optional;

/** Rollouts by id and the console's listings. Listings are newest first (by creation time). */
public interface Rollouts {
    /** Stores a new rollout (PENDING, version 1) with a "created" history event; never overwrites. */
    CreateOutcome create(NewRollout request, Instant now);

    Optional<Rollout> get(String rolloutId);

    /** Applies {@code change} only if the stored version equals {@link RolloutChange#expectedVersion()}. */
    UpdateOutcome update(RolloutChange change);

    /** A tenant's rollouts in one status, newest first. */
    Page<Rollout> listByStatus(String tenant, RolloutStatus status, PageRequest page);

    /** All of a tenant's rollouts, newest first. */
    Page<Rollout> listByTenant(String tenant, PageRequest page);

    /** A tenant's rollouts of one agent, newest first. */
    Page<Rollout> listByAgent(String tenant, String agent, PageRequest page);
}
