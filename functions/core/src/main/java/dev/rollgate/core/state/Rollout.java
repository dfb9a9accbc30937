package dev.rollgate.core.state;

import dev.rollgate.core.lifecycle.RolloutState;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored rollout: what is released, under which policy, where it is in its lifecycle.
 *
 * @param policyYaml the policy text as it was when the rollout started, so a later policy edit never changes
 *                   a running rollout
 * @param lastScore  the judge's most recent score, if any stage has been scored
 * @param version    optimistic-locking version, 1 on creation and +1 on every update
 */
public record Rollout(String id, String tenant, String agent, String candidateVersion, String baselineVersion,
                      String requester, String policyName, long policyVersion, String policyYaml,
                      RolloutState state, Optional<Double> lastScore, Instant createdAt, Instant updatedAt,
                      long version) {
    public Rollout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(candidateVersion, "candidateVersion");
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyYaml, "policyYaml");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastScore, "lastScore");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The rollout as first stored from {@code request}: PENDING, version 1. */
    public static Rollout created(NewRollout request, Instant now) {
        return new Rollout(request.id(), request.tenant(), request.agent(), request.candidateVersion(),
                request.baselineVersion(), request.requester(), request.policyName(), request.policyVersion(),
                request.policyYaml(), RolloutState.pending(now), Optional.empty(), now, now, 1);
    }

    /** This rollout after {@code change} has been applied (version +1). */
    public Rollout apply(RolloutChange change) {
        return new Rollout(id, tenant, agent, candidateVersion, baselineVersion, requester, policyName,
                policyVersion, policyYaml, change.state(), change.lastScore().or(() -> lastScore), createdAt,
                change.at(), version + 1);
    }
}
