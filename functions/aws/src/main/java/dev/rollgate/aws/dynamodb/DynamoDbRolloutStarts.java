package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutStarts;
import dev.rollgate.core.state.StartOutcome;
import dev.rollgate.core.state.StateEvents;
import dev.rollgate.core.state.StateLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.EXPIRES_AT;
import static dev.rollgate.aws.dynamodb.StateSchema.PK;
import static dev.rollgate.aws.dynamodb.StateSchema.SK;

/**
 * Idempotent starts: the key record, the rollout and its first history event are one transaction, so of
 * any number of concurrent starts with one key exactly one writes anything. An expired key (past
 * {@code expiresAt}) counts as free even before DynamoDB's TTL has deleted it, which TTL does only eventually.
 */
public final class DynamoDbRolloutStarts implements RolloutStarts {
    static final String KEY_PREFIX = "start#";
    static final String KEY_SORT = "rollout";
    private static final String FINGERPRINT = "fingerprint";
    private static final String ROLLOUT_ID = "rolloutId";
    private static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbRollouts rollouts;
    private final DynamoDbRolloutHistory history;

    public DynamoDbRolloutStarts(DynamoDbClient dynamo, TableNames tables, DynamoDbRollouts rollouts,
                                 DynamoDbRolloutHistory history) {
        this.dynamo = dynamo;
        this.table = tables.idempotency();
        this.rollouts = rollouts;
        this.history = history;
    }

    @Override
    public StartOutcome start(String idempotencyKey, NewRollout request, Instant now) {
        StateLimits.requireId(idempotencyKey, "idempotencyKey");
        Map<String, AttributeValue> key = Map.of(PK, s(KEY_PREFIX + Keys.composite(request.tenant(),
                idempotencyKey)), SK, s(KEY_SORT));
        Rollout rollout = Rollout.created(request, now);
        return StoreCalls.untilDecided("starting a rollout", () -> {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(keyPut(key, request, now)).build());
            items.add(TransactWriteItem.builder().put(rollouts.putNew(rollout)).build());
            items.addAll(history.nextEventPuts(rollout.id(), List.of(StateEvents.created(rollout))));
            if (Transactions.writeAll(dynamo, "starting a rollout", items)) {
                return Optional.of(new StartOutcome.Started(rollout));
            }
            return existingOutcome(key, idempotencyKey, request, now);
        });
    }

    private Put keyPut(Map<String, AttributeValue> key, NewRollout request, Instant now) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put(FINGERPRINT, s(request.fingerprint()));
        item.put(ROLLOUT_ID, s(request.id()));
        item.put(CREATED_AT, Attrs.instant(now));
        item.put(EXPIRES_AT, n(now.plus(KEY_LIFETIME).getEpochSecond()));
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #exp <= :now")
                .expressionAttributeNames(Map.of("#pk", PK, "#exp", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))).build();
    }

    /** After a cancelled start: the key's first use decides, or, with the key free, the id was the problem. */
    private Optional<StartOutcome> existingOutcome(Map<String, AttributeValue> key, String idempotencyKey,
                                                   NewRollout request, Instant now) {
        GetItemResponse response = StoreCalls.call("reading an idempotency key", () -> dynamo.getItem(
                GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build()));
        Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
        boolean live = !item.isEmpty() && Attrs.lng(item, EXPIRES_AT) > now.getEpochSecond();
        if (live) {
            String firstRolloutId = Attrs.str(item, ROLLOUT_ID);
            if (!Attrs.str(item, FINGERPRINT).equals(request.fingerprint())) {
                return Optional.of(new StartOutcome.KeyConflict(idempotencyKey, firstRolloutId));
            }
            return rollouts.get(firstRolloutId).map(StartOutcome.AlreadyStarted::new);
        }
        if (rollouts.get(request.id()).isPresent()) {
            throw new IllegalArgumentException("rollout id " + request.id() + " is already used");
        }
        return Optional.empty();
    }
}
