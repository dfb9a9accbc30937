package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.CreateOutcome;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateEvents;
import dev.rollgate.core.state.UpdateOutcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.BY_TENANT;
import static dev.rollgate.aws.dynamodb.StateSchema.BY_TENANT_AGENT;
import static dev.rollgate.aws.dynamodb.StateSchema.BY_TENANT_STATUS;
import static dev.rollgate.aws.dynamodb.StateSchema.ROLLOUT_ID;
import static dev.rollgate.aws.dynamodb.StateSchema.TENANT;
import static dev.rollgate.aws.dynamodb.StateSchema.TENANT_AGENT;
import static dev.rollgate.aws.dynamodb.StateSchema.TENANT_STATUS;

/**
 * Rollouts, one item each, with optimistic locking on {@code version}. A change and the history events that
 * explain it are one transaction. Listings query one of three indexes, newest first.
 */
public final class DynamoDbRollouts implements Rollouts {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbRolloutHistory history;

    public DynamoDbRollouts(DynamoDbClient dynamo, TableNames tables, DynamoDbRolloutHistory history) {
        this.dynamo = dynamo;
        this.table = tables.rollouts();
        this.history = history;
    }

    @Override
    public CreateOutcome create(NewRollout request, Instant now) {
        Rollout rollout = Rollout.created(request, now);
        return StoreCalls.untilDecided("creating a rollout", () -> {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(putNew(rollout)).build());
            items.addAll(history.nextEventPuts(rollout.id(), List.of(StateEvents.created(rollout))));
            if (Transactions.writeAll(dynamo, "creating a rollout", items)) {
                return Optional.of(new CreateOutcome.Created(rollout));
            }
            return get(rollout.id()).map(CreateOutcome.IdTaken::new);
        });
    }

    /** A put of a new rollout that fails if the id is taken. */
    Put putNew(Rollout rollout) {
        return Put.builder().tableName(table).item(checked(rollout))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ROLLOUT_ID)).build();
    }

    @Override
    public Optional<Rollout> get(String rolloutId) {
        GetItemResponse response = StoreCalls.call("reading a rollout", () -> dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(Map.of(ROLLOUT_ID, s(rolloutId))).consistentRead(true).build()));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(RolloutItems.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public UpdateOutcome update(RolloutChange change) {
        return StoreCalls.untilDecided("updating a rollout", () -> {
            Optional<Rollout> current = get(change.rolloutId());
            if (current.isEmpty()) {
                return Optional.of(new UpdateOutcome.NotFound(change.rolloutId()));
            }
            if (current.get().version() != change.expectedVersion()) {
                return Optional.of(new UpdateOutcome.Stale(change.rolloutId(), change.expectedVersion(),
                        current.get().version()));
            }
            Rollout updated = current.get().apply(change);
            List<TransactWriteItem> items = new ArrayList<>();
            // Whole-item put guarded by the version: nothing else may have changed since the read above.
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(checked(updated))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", RolloutItems.VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(change.expectedVersion()))).build()).build());
            items.addAll(history.nextEventPuts(change.rolloutId(), change.events()));
            // A lost race shows on the next read as Stale (version moved) or retries (history sequence taken).
            return Transactions.writeAll(dynamo, "updating a rollout", items)
                    ? Optional.of(new UpdateOutcome.Updated(updated)) : Optional.empty();
        });
    }

    @Override
    public Page<Rollout> listByStatus(String tenant, RolloutStatus status, PageRequest page) {
        return list(BY_TENANT_STATUS, TENANT_STATUS, RolloutItems.tenantStatusKey(tenant, status), page);
    }

    @Override
    public Page<Rollout> listByTenant(String tenant, PageRequest page) {
        return list(BY_TENANT, TENANT, tenant, page);
    }

    @Override
    public Page<Rollout> listByAgent(String tenant, String agent, PageRequest page) {
        return list(BY_TENANT_AGENT, TENANT_AGENT, RolloutItems.tenantAgentKey(tenant, agent), page);
    }

    private Page<Rollout> list(String index, String hashAttribute, String hashValue, PageRequest page) {
        String listing = index + ":" + hashValue;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#h = :h").expressionAttributeNames(Map.of("#h", hashAttribute))
                .expressionAttributeValues(Map.of(":h", s(hashValue))).scanIndexForward(false).limit(page.limit());
        PageCursors.decode(listing, page.cursor()).ifPresent(query::exclusiveStartKey);
        QueryResponse response = StoreCalls.call("listing rollouts", () -> dynamo.query(query.build()));
        return new Page<>(response.items().stream().map(RolloutItems::fromItem).toList(),
                PageCursors.encode(listing, response.lastEvaluatedKey()));
    }

    private Map<String, AttributeValue> checked(Rollout rollout) {
        Map<String, AttributeValue> item = RolloutItems.toItem(rollout);
        ItemSize.check(table, "rollout " + rollout.id(), item);
        return item;
    }
}
