package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds large data sets for benchmarks with BatchWriteItem, in exactly the item layouts the adapters write
 * ({@link RolloutItems}, the history, approval and window items), so the adapters read them back as their own.
 * One transaction per rollout, as {@code DynamoDbRollouts.create} writes, is far too slow for 10,000 rollouts on
 * moto (every transaction copies the tables it touches). Batch writes carry no conditions: only for fresh tables.
 */
public final class DynamoDbBulkSeed {
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final DynamoDbRolloutHistory history;

    public DynamoDbBulkSeed(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.history = new DynamoDbRolloutHistory(dynamo, tables);
    }

    /** Each rollout as stored, with its first history event ("created"), as a new rollout has. */
    public void rollouts(List<Rollout> rollouts) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (Rollout r : rollouts) {
            items.add(RolloutItems.toItem(r));
            events.add(history.putOf(HistoryEvent.stored(r.id(), 1, StateEvents.created(r))).item());
        }
        write(tables.rollouts(), items);
        write(tables.history(), events);
    }

    /** Pending approval requests (in the pending-by-tenant index). */
    public void approvals(List<ApprovalRequest> requests) {
        write(tables.approvals(), requests.stream().map(DynamoDbApprovals::toItem).toList());
    }

    public void windows(String rolloutId, List<MetricWindow> windows) {
        write(tables.windows(), windows.stream().map(w -> DynamoDbMetricWindowStore.itemOf(rolloutId, w)).toList());
    }

    private void write(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, batch));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
                pending.values().removeIf(List::isEmpty);
            }
        }
    }
}
