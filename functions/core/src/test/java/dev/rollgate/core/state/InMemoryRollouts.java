package dev.rollgate.core.state;

import dev.rollgate.core.lifecycle.RolloutStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Fake {@link Rollouts} with the same ordering and version rules as the DynamoDB adapter. */
public final class InMemoryRollouts implements Rollouts {
    private static final Comparator<Rollout> NEWEST_FIRST =
            Comparator.comparing(Rollout::createdAt).thenComparing(Rollout::id).reversed();

    private final Map<String, Rollout> byId = new HashMap<>();
    private final InMemoryRolloutHistory history;

    public InMemoryRollouts(InMemoryRolloutHistory history) {
        this.history = history;
    }

    @Override
    public synchronized CreateOutcome create(NewRollout request, Instant now) {
        Rollout existing = byId.get(request.id());
        if (existing != null) {
            return new CreateOutcome.IdTaken(existing);
        }
        Rollout rollout = Rollout.created(request, now);
        byId.put(rollout.id(), rollout);
        history.append(rollout.id(), StateEvents.created(rollout));
        return new CreateOutcome.Created(rollout);
    }

    @Override
    public synchronized Optional<Rollout> get(String rolloutId) {
        return Optional.ofNullable(byId.get(rolloutId));
    }

    @Override
    public synchronized UpdateOutcome update(RolloutChange change) {
        Rollout current = byId.get(change.rolloutId());
        if (current == null) {
            return new UpdateOutcome.NotFound(change.rolloutId());
        }
        if (current.version() != change.expectedVersion()) {
            return new UpdateOutcome.Stale(change.rolloutId(), change.expectedVersion(), current.version());
        }
        Rollout updated = current.apply(change);
        byId.put(updated.id(), updated);
        history.appendAll(updated.id(), change.events());
        return new UpdateOutcome.Updated(updated);
    }

    @Override
    public Page<Rollout> listByStatus(String tenant, RolloutStatus status, PageRequest page) {
        return list(r -> r.tenant().equals(tenant) && r.state().status() == status, page);
    }

    @Override
    public Page<Rollout> listByTenant(String tenant, PageRequest page) {
        return list(r -> r.tenant().equals(tenant), page);
    }

    @Override
    public Page<Rollout> listByAgent(String tenant, String agent, PageRequest page) {
        return list(r -> r.tenant().equals(tenant) && r.agent().equals(agent), page);
    }

    private synchronized Page<Rollout> list(Predicate<Rollout> filter, PageRequest page) {
        List<Rollout> sorted = byId.values().stream().filter(filter).sorted(NEWEST_FIRST).toList();
        return InMemoryPages.page(sorted, page, Rollout::id);
    }

    synchronized void insert(Rollout rollout) {
        byId.put(rollout.id(), rollout);
    }
}
