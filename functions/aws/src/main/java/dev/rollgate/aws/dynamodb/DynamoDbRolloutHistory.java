package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.StateLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.Attrs.instant;
import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.HISTORY_ROLLOUT_ID;
import static dev.rollgate.aws.dynamodb.StateSchema.HISTORY_SEQ;

/**
 * History events, one item per event keyed by rollout id and sequence number. Appending reads the last
 * sequence and writes the next one only if it is still free, so concurrent appenders never overwrite each
 * other and the sequence has no gaps.
 */
public final class DynamoDbRolloutHistory implements RolloutHistory {
    private static final String AT = "at";
    private static final String TYPE = "type";
    private static final String ACTOR = "actor";
    private static final String REASON_CODE = "reasonCode";
    private static final String DETAIL = "detail";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRolloutHistory(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.history();
    }

    @Override
    public HistoryEvent append(String rolloutId, HistoryEntry entry) {
        StateLimits.requireId(rolloutId, "rolloutId");
        return StoreCalls.untilDecided("appending history of a rollout", () -> {
            HistoryEvent event = HistoryEvent.stored(rolloutId, lastSequence(rolloutId) + 1, entry);
            Put put = putOf(event);
            try {
                StoreCalls.call("appending history", () -> dynamo.putItem(PutItemRequest.builder()
                        .tableName(put.tableName()).item(put.item()).conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames()).build()));
                return Optional.of(event);
            } catch (ConditionalCheckFailedException | TransactionConflictException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Page<HistoryEvent> read(String rolloutId, PageRequest page) {
        String listing = "history:" + rolloutId;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", HISTORY_ROLLOUT_ID))
                .expressionAttributeValues(Map.of(":id", s(rolloutId)))
                .consistentRead(true).scanIndexForward(true).limit(page.limit());
        PageCursors.decode(listing, page.cursor()).ifPresent(query::exclusiveStartKey);
        QueryResponse response = StoreCalls.call("reading history", () -> dynamo.query(query.build()));
        return new Page<>(response.items().stream().map(DynamoDbRolloutHistory::fromItem).toList(),
                PageCursors.encode(listing, response.lastEvaluatedKey()));
    }

    /** The highest sequence number stored for the rollout, 0 when it has no events. */
    long lastSequence(String rolloutId) {
        QueryResponse response = StoreCalls.call("reading the last history sequence", () -> dynamo.query(
                QueryRequest.builder().tableName(table).keyConditionExpression("#id = :id")
                        .expressionAttributeNames(Map.of("#id", HISTORY_ROLLOUT_ID))
                        .expressionAttributeValues(Map.of(":id", s(rolloutId)))
                        .consistentRead(true).scanIndexForward(false).limit(1).build()));
        return response.items().isEmpty() ? 0 : Attrs.lng(response.items().get(0), HISTORY_SEQ);
    }

    /** Transaction puts for {@code entries} after the rollout's current last event. */
    List<TransactWriteItem> nextEventPuts(String rolloutId, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        long seq = lastSequence(rolloutId);
        List<TransactWriteItem> puts = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            puts.add(TransactWriteItem.builder().put(putOf(HistoryEvent.stored(rolloutId, ++seq, entry))).build());
        }
        return puts;
    }

    /** A put that succeeds only while the event's sequence number is free. */
    Put putOf(HistoryEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HISTORY_ROLLOUT_ID, s(event.rolloutId()));
        item.put(HISTORY_SEQ, n(event.sequence()));
        item.put(AT, instant(event.at()));
        item.put(TYPE, s(event.type()));
        item.put(ACTOR, s(event.actor()));
        item.put(REASON_CODE, s(event.reasonCode()));
        Map<String, AttributeValue> detail = new HashMap<>();
        event.detail().forEach((k, v) -> detail.put(k, s(v)));
        item.put(DETAIL, AttributeValue.fromM(detail));
        ItemSize.check(table, "history event " + event.sequence() + " of rollout " + event.rolloutId(), item);
        return Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(#seq)")
                .expressionAttributeNames(Map.of("#seq", HISTORY_SEQ)).build();
    }

    static HistoryEvent fromItem(Map<String, AttributeValue> item) {
        Map<String, String> detail = new HashMap<>();
        Attrs.map(item, DETAIL).forEach((k, v) -> detail.put(k, v.s()));
        return new HistoryEvent(Attrs.str(item, HISTORY_ROLLOUT_ID), Attrs.lng(item, HISTORY_SEQ),
                Attrs.instant(item, AT), Attrs.str(item, TYPE), Attrs.str(item, ACTOR),
                Attrs.str(item, REASON_CODE), detail);
    }
}
