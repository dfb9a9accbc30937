package dev.rollgate.console.rollouts;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metric windows one open detail page charts, kept between its 2-second polls so that a poll reads only the
 * windows it does not have yet: after the first read, each variant is read from its newest window start minus
 * {@link #LATE_ALLOWANCE} (windows may be stored out of order, e.g. a late baseline window), not from the start of
 * the rollout. Windows are immutable once stored (a second put is a duplicate), so re-read ones replace
 * themselves. A window arriving more than the allowance late appears on the next page load. One instance per
 * view and rollout; not shared between sessions.
 */
public final class ChartWindows {
    static final Duration LATE_ALLOWANCE = Duration.ofMinutes(10);
    static final int PAGE_SIZE = 200;
    /** At most this many windows per variant are read and kept (a rollout of days at one window a minute). */
    static final int MAX_WINDOWS = 5_000;

    private final String rolloutId;
    private final Map<Variant, TreeMap<Instant, MetricWindow>> series = new EnumMap<>(Variant.class);

    public ChartWindows(String rolloutId) {
        this.rolloutId = rolloutId;
    }

    /** The variant's windows with {@code from <= windowStart < until}, oldest first, reading only what is new. */
    List<MetricWindow> read(MetricWindowStore store, Variant variant, Instant from, Instant until) {
        TreeMap<Instant, MetricWindow> known = series.computeIfAbsent(variant, v -> new TreeMap<>());
        Instant readFrom = known.isEmpty() ? from : latest(from, known.lastKey().minus(LATE_ALLOWANCE));
        PageRequest request = PageRequest.first(PAGE_SIZE);
        for (int read = 0; read < MAX_WINDOWS; ) {
            Page<MetricWindow> page = store.read(rolloutId, variant, readFrom, until, request);
            page.items().forEach(w -> known.put(w.windowStart(), w));
            read += page.items().size();
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        while (known.size() > MAX_WINDOWS) {
            known.pollFirstEntry();
        }
        return new ArrayList<>(known.subMap(from, true, until, false).values());
    }

    String rolloutId() {
        return rolloutId;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
