package dev.rollgate.core.state;

import java.util.Objects;

/** All state ports of one backend, wired together (an adapter set or the in-memory fakes). */
public record StateStores(Rollouts rollouts, RolloutHistory history, MetricWindowStore windows,
                          Approvals approvals, RolloutStarts starts, Policies policies) {
    public StateStores {
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(approvals, "approvals");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(policies, "policies");
    }
}
