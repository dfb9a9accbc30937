package dev.rollgate.perf.cost;

import dev.rollgate.aws.dynamodb.DynamoDbMetricWindowStore;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.WindowPutOutcome;

import java.time.Instant;
import java.util.Map;

/**
 * A metric-window store kept in the benchmark's process that charges the capacity meter what the DynamoDB adapter
 * would consume: each window sized as the item {@link DynamoDbMetricWindowStore} writes, a put one write unit per
 * KB (a duplicate too: the failed conditional put still consumes), a page of a read the strongly consistent read
 * units of the items it returns. It exists because moto answers a 500-window Query page in several seconds on a
 * loaded 2-core machine, and a default rollout's 24-hour bake reads such pages hundreds of times.
 */
public final class MeteredWindowStore implements MetricWindowStore {
    private final MetricWindowStore delegate;
    private final CapacityMeter meter;
    private final String table;

    public MeteredWindowStore(MetricWindowStore delegate, CapacityMeter meter, String table) {
        this.delegate = delegate;
        this.meter = meter;
        this.table = table;
    }

    @Override
    public WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
        long bytes = DynamoDbSizes.itemBytes(DynamoDbMetricWindowStore.itemOf(rolloutId, window));
        WindowPutOutcome outcome = delegate.put(rolloutId, window, now);
        meter.charge(table, 0, DynamoDbSizes.writeUnits(bytes));
        return outcome;
    }

    @Override
    public Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                   PageRequest page) {
        Page<MetricWindow> got = delegate.read(rolloutId, variant, from, until, page);
        // The adapter answers an empty range without asking DynamoDB.
        if (from.isBefore(until)) {
            long bytes = got.items().stream()
                    .mapToLong(w -> DynamoDbSizes.itemBytes(DynamoDbMetricWindowStore.itemOf(rolloutId, w))).sum();
            meter.charge(table, DynamoDbSizes.readUnits(bytes, true), 0);
        }
        return got;
    }

    @Override
    public void countRejected(String scope, String reason) {
        delegate.countRejected(scope, reason);
        meter.charge(table, 0, 1);
    }

    @Override
    public Map<String, Long> rejectedCounts(String scope) {
        Map<String, Long> counts = delegate.rejectedCounts(scope);
        meter.charge(table, DynamoDbSizes.readUnits(0, true), 0);
        return counts;
    }
}
