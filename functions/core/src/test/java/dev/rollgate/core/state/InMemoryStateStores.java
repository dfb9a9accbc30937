package dev.rollgate.core.state;

/** A fresh, empty set of in-memory fakes wired like the real adapters (shared history). */
public final class InMemoryStateStores {
    private InMemoryStateStores() {
    }

    public static StateStores create() {
        InMemoryRolloutHistory history = new InMemoryRolloutHistory();
        InMemoryRollouts rollouts = new InMemoryRollouts(history);
        return new StateStores(rollouts, history, new InMemoryMetricWindowStore(), new InMemoryApprovals(history),
                new InMemoryRolloutStarts(rollouts), new InMemoryPolicies());
    }
}
