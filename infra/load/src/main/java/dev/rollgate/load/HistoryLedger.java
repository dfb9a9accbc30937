package dev.rollgate.load;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalRequestOutcome;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.CreateOutcome;
import dev.rollgate.core.state.DecideOutcome;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.RolloutStarts;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StartOutcome;
import dev.rollgate.core.state.StateEvents;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.state.UpdateOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records, outside the store, every history event that a write reported as done: the created event of a start,
 * the events of each applied rollout update, the decision event of the winning approval, every append. After the
 * run the stored history of each rollout must be exactly this list, in this order, numbered 1, 2, 3, ...: nothing
 * lost, nothing written twice. A write that failed with an exception is counted, since its effect is unknown.
 */
final class HistoryLedger {
    private final Map<String, List<HistoryEntry>> expected = new ConcurrentHashMap<>();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong staleUpdates = new AtomicLong();

    /** {@code stores} with every history-writing port recorded here. */
    StateStores recording(StateStores stores) {
        return new StateStores(new RecordingRollouts(stores.rollouts()), new RecordingHistory(stores.history()),
                stores.windows(), new RecordingApprovals(stores.approvals()), new RecordingStarts(stores.starts()),
                stores.policies());
    }

    List<HistoryEntry> expected(String rolloutId) {
        List<HistoryEntry> events = expected.getOrDefault(rolloutId, List.of());
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    long failedWrites() {
        return failedWrites.get();
    }

    /** Updates refused on a stale version (a concurrent writer won; the advancer re-reads and retries). */
    long staleUpdates() {
        return staleUpdates.get();
    }

    private void record(String rolloutId, List<HistoryEntry> events) {
        List<HistoryEntry> list = expected.computeIfAbsent(rolloutId, k -> new ArrayList<>());
        synchronized (list) {
            list.addAll(events);
        }
    }

    private <T> T counted(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            failedWrites.incrementAndGet();
            throw e;
        }
    }

    private static HistoryEntry entryOf(HistoryEvent event) {
        return new HistoryEntry(event.at(), event.type(), event.actor(), event.reasonCode(), event.detail());
    }

    private final class RecordingRollouts implements Rollouts {
        private final Rollouts delegate;

        RecordingRollouts(Rollouts delegate) {
            this.delegate = delegate;
        }

        @Override
        public CreateOutcome create(NewRollout request, Instant now) {
            CreateOutcome outcome = counted(() -> delegate.create(request, now));
            if (outcome instanceof CreateOutcome.Created created) {
                record(created.rollout().id(), List.of(StateEvents.created(created.rollout())));
            }
            return outcome;
        }

        @Override
        public Optional<Rollout> get(String rolloutId) {
            return delegate.get(rolloutId);
        }

        @Override
        public UpdateOutcome update(RolloutChange change) {
            UpdateOutcome outcome = counted(() -> delegate.update(change));
            if (outcome instanceof UpdateOutcome.Updated) {
                record(change.rolloutId(), change.events());
            } else if (outcome instanceof UpdateOutcome.Stale) {
                staleUpdates.incrementAndGet();
            }
            return outcome;
        }

        @Override
        public Page<Rollout> listByStatus(String tenant, RolloutStatus status, PageRequest page) {
            return delegate.listByStatus(tenant, status, page);
        }

        @Override
        public Page<Rollout> listByTenant(String tenant, PageRequest page) {
            return delegate.listByTenant(tenant, page);
        }

        @Override
        public Page<Rollout> listByAgent(String tenant, String agent, PageRequest page) {
            return delegate.listByAgent(tenant, agent, page);
        }
    }

    private final class RecordingStarts implements RolloutStarts {
        private final RolloutStarts delegate;

        RecordingStarts(RolloutStarts delegate) {
            this.delegate = delegate;
        }

        @Override
        public StartOutcome start(String idempotencyKey, NewRollout request, Instant now) {
            StartOutcome outcome = counted(() -> delegate.start(idempotencyKey, request, now));
            if (outcome instanceof StartOutcome.Started started) {
                record(started.rollout().id(), List.of(StateEvents.created(started.rollout())));
            }
            return outcome;
        }
    }

    private final class RecordingApprovals implements Approvals {
        private final Approvals delegate;

        RecordingApprovals(Approvals delegate) {
            this.delegate = delegate;
        }

        @Override
        public ApprovalRequestOutcome request(ApprovalRequest request) {
            return delegate.request(request);
        }

        @Override
        public Optional<ApprovalRequest> get(String approvalId) {
            return delegate.get(approvalId);
        }

        @Override
        public Page<ApprovalRequest> pending(String tenant, PageRequest page) {
            return delegate.pending(tenant, page);
        }

        @Override
        public DecideOutcome decide(String approvalId, ApprovalDecision decision) {
            DecideOutcome outcome = counted(() -> delegate.decide(approvalId, decision));
            if (outcome instanceof DecideOutcome.Decided decided) {
                record(decided.event().rolloutId(), List.of(entryOf(decided.event())));
            }
            return outcome;
        }
    }

    private final class RecordingHistory implements RolloutHistory {
        private final RolloutHistory delegate;

        RecordingHistory(RolloutHistory delegate) {
            this.delegate = delegate;
        }

        @Override
        public HistoryEvent append(String rolloutId, HistoryEntry entry) {
            HistoryEvent event = counted(() -> delegate.append(rolloutId, entry));
            record(rolloutId, List.of(entry));
            return event;
        }

        @Override
        public Page<HistoryEvent> read(String rolloutId, PageRequest page) {
            return delegate.read(rolloutId, page);
        }
    }
}
