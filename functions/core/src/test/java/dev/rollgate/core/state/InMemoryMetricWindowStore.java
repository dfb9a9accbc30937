package dev.rollgate.core.state;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fake {@link MetricWindowStore}. */
public final class InMemoryMetricWindowStore implements MetricWindowStore {
    private final Map<String, TreeMap<Instant, MetricWindow>> windows = new HashMap<>();
    private final Map<String, Map<String, Long>> rejected = new HashMap<>();

    @Override
    public synchronized WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
        StateLimits.requireId(rolloutId, "rolloutId");
        TreeMap<Instant, MetricWindow> series =
                windows.computeIfAbsent(rolloutId + "#" + window.variant().wireName(), k -> new TreeMap<>());
        MetricWindow earlier = series.get(window.windowStart());
        if (earlier != null) {
            return WindowPutOutcome.sameMeasurements(earlier, window) ? WindowPutOutcome.DUPLICATE
                    : WindowPutOutcome.CONFLICTING_DUPLICATE;
        }
        series.put(window.windowStart(), window);
        return WindowPutOutcome.STORED;
    }

    @Override
    public synchronized Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                                PageRequest page) {
        TreeMap<Instant, MetricWindow> series = windows.getOrDefault(rolloutId + "#" + variant.wireName(),
                new TreeMap<>());
        List<MetricWindow> inRange = series.subMap(from, true, until, false).values().stream()
                .sorted(Comparator.comparing(MetricWindow::windowStart)).toList();
        return InMemoryPages.page(inRange, page, w -> w.windowStart().toString());
    }

    @Override
    public synchronized void countRejected(String scope, String reason) {
        StateLimits.requireId(scope, "scope");
        StateLimits.requireId(reason, "reason");
        rejected.computeIfAbsent(scope, s -> new HashMap<>()).merge(reason, 1L, Long::sum);
    }

    @Override
    public synchronized Map<String, Long> rejectedCounts(String scope) {
        return Map.copyOf(rejected.getOrDefault(scope, Map.of()));
    }
}
