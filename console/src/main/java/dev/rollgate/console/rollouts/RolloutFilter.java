package dev.rollgate.console.rollouts;

import dev.rollgate.core.lifecycle.RolloutStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * What the rollouts list shows: always one tenant (every listing is a query on a tenant key), optionally one
 * status or one agent.
 */
public record RolloutFilter(String tenant, Optional<RolloutStatus> status, Optional<String> agent) {
    public RolloutFilter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        agent = agent.map(String::trim).filter(a -> !a.isEmpty());
    }

    public static RolloutFilter tenant(String tenant) {
        return new RolloutFilter(tenant, Optional.empty(), Optional.empty());
    }
}
