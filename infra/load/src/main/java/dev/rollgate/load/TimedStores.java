package dev.rollgate.load;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.CreateOutcome;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.UpdateOutcome;
import dev.rollgate.core.state.WindowPutOutcome;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where the ingest time goes: the store calls the ingest use case makes, timed by kind (calls and nanoseconds
 * summed over all worker threads). The rest of a delivery's time is the use case's own (decode, validate).
 */
final class TimedStores {
    private final Map<String, LongAdder[]> byCall = new ConcurrentHashMap<>();

    Rollouts rollouts(Rollouts delegate) {
        return new Rollouts() {
            @Override
            public CreateOutcome create(NewRollout request, Instant now) {
                return delegate.create(request, now);
            }

            @Override
            public Optional<Rollout> get(String rolloutId) {
                return timed("rollouts.get", () -> delegate.get(rolloutId));
            }

            @Override
            public UpdateOutcome update(RolloutChange change) {
                return delegate.update(change);
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
                return timed("rollouts.listByAgent", () -> delegate.listByAgent(tenant, agent, page));
            }
        };
    }

    MetricWindowStore windows(MetricWindowStore delegate) {
        return new MetricWindowStore() {
            @Override
            public WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
                return timed("windows.put", () -> delegate.put(rolloutId, window, now));
            }

            @Override
            public Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                           PageRequest page) {
                return timed("windows.read", () -> delegate.read(rolloutId, variant, from, until, page));
            }

            @Override
            public void countRejected(String scope, String reason) {
                timed("windows.countRejected", () -> {
                    delegate.countRejected(scope, reason);
                    return null;
                });
            }

            @Override
            public Map<String, Long> rejectedCounts(String scope) {
                return delegate.rejectedCounts(scope);
            }
        };
    }

    /** Per call kind: {calls, total nanoseconds}. */
    Map<String, long[]> totals() {
        Map<String, long[]> out = new TreeMap<>();
        byCall.forEach((k, v) -> out.put(k, new long[] {v[0].sum(), v[1].sum()}));
        return out;
    }

    long totalNanos() {
        return byCall.values().stream().mapToLong(v -> v[1].sum()).sum();
    }

    void reset() {
        byCall.clear();
    }

    private <T> T timed(String call, Supplier<T> action) {
        long begin = System.nanoTime();
        try {
            return action.get();
        } finally {
            LongAdder[] adders = byCall.computeIfAbsent(call, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
            adders[0].increment();
            adders[1].add(System.nanoTime() - begin);
        }
    }
}
