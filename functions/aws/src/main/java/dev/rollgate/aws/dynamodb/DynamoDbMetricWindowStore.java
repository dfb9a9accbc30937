package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.StateLimits;
import dev.rollgate.core.state.WindowPutOutcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.EXPIRES_AT;
import static dev.rollgate.aws.dynamodb.StateSchema.PK;
import static dev.rollgate.aws.dynamodb.StateSchema.SK;

/**
 * Metric windows, one item per rollout, variant and window start ({@code pk = W#<rollout,variant>},
 * {@code sk = time key}), written only if absent; rejected-window counters live in the same table
 * ({@code pk = R#<scope>}, {@code sk = reason}) and are incremented atomically.
 */
public final class DynamoDbMetricWindowStore implements MetricWindowStore {
    private static final String WINDOW_PREFIX = "W#";
    private static final String REJECTED_PREFIX = "R#";
    private static final String COUNT = "count";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbMetricWindowStore(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.windows();
    }

    @Override
    public WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
        StateLimits.requireId(rolloutId, "rolloutId");
        Map<String, AttributeValue> item = itemOf(rolloutId, window);
        ItemSize.check(table, "metric window " + window.key() + " of rollout " + rolloutId, item);
        try {
            StoreCalls.call("storing a metric window", () -> dynamo.putItem(PutItemRequest.builder().tableName(table)
                    .item(item).conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK)).build()));
            return WindowPutOutcome.STORED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> earlier = StoreCalls.call("reading a duplicate metric window",
                    () -> dynamo.getItem(GetItemRequest.builder().tableName(table)
                            .key(Map.of(PK, item.get(PK), SK, item.get(SK))).consistentRead(true).build())).item();
            return WindowPutOutcome.sameMeasurements(MetricWindowItems.fromItem(earlier), window)
                    ? WindowPutOutcome.DUPLICATE : WindowPutOutcome.CONFLICTING_DUPLICATE;
        }
    }

    /** The item a window is stored as (also what the cost benchmark sizes windows by and the console benchmark seeds). */
    public static Map<String, AttributeValue> itemOf(String rolloutId, MetricWindow window) {
        Map<String, AttributeValue> item = new HashMap<>(MetricWindowItems.toAttributes(window));
        item.put(PK, s(seriesKey(rolloutId, window.variant())));
        item.put(SK, s(Keys.timeKey(window.windowStart())));
        item.put(EXPIRES_AT, n(window.windowEnd().plus(StateSchema.WINDOW_RETENTION).getEpochSecond()));
        return item;
    }

    @Override
    public Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                   PageRequest page) {
        String series = seriesKey(rolloutId, variant);
        String listing = "windows:" + series + ":" + from + ":" + until;
        if (!from.isBefore(until)) {
            return new Page<>(java.util.List.of(), java.util.Optional.empty());
        }
        // BETWEEN is inclusive on both ends; the last nanosecond before `until` makes the upper end exclusive.
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(series), ":from", s(Keys.timeKey(from)),
                        ":to", s(Keys.timeKey(until.minusNanos(1)))))
                .consistentRead(true).scanIndexForward(true).limit(page.limit());
        PageCursors.decode(listing, page.cursor()).ifPresent(query::exclusiveStartKey);
        QueryResponse response = StoreCalls.call("reading metric windows", () -> dynamo.query(query.build()));
        return new Page<>(response.items().stream().map(MetricWindowItems::fromItem).toList(),
                PageCursors.encode(listing, response.lastEvaluatedKey()));
    }

    @Override
    public void countRejected(String scope, String reason) {
        StateLimits.requireId(scope, "scope");
        StateLimits.requireId(reason, "reason");
        StoreCalls.call("counting a rejected window", () -> dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(table).key(Map.of(PK, s(REJECTED_PREFIX + scope), SK, s(reason)))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", COUNT))
                .expressionAttributeValues(Map.of(":one", n(1))).build()));
    }

    @Override
    public Map<String, Long> rejectedCounts(String scope) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", s(REJECTED_PREFIX + scope))).consistentRead(true);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = StoreCalls.call("reading rejected-window counts",
                    () -> dynamo.query(query.build()));
            response.items().forEach(i -> counts.put(Attrs.str(i, SK), Attrs.lng(i, COUNT)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return Map.copyOf(counts);
    }

    private static String seriesKey(String rolloutId, Variant variant) {
        return WINDOW_PREFIX + Keys.composite(rolloutId, variant.wireName());
    }
}
