package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.preflight.RerunClaim;
import dev.rollgate.core.preflight.RerunGuard;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The rerun guard as conditional writes on the idempotency table (string keys {@code pk}/{@code sk}, TTL attribute
 * {@code expiresAt} in epoch seconds). A claim is a put that succeeds only if the item does not exist yet; the new run
 * id is added to it once the rerun was created.
 */
public final class DynamoDbRerunGuard implements RerunGuard {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String EXPIRES_AT = "expiresAt";
    static final String NEW_RUN_ID = "newRunId";
    static final String CLAIMED_AT = "claimedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param retention how long a claim is kept before TTL may delete it; longer than any rollout, so a late retry
     *                  still finds it
     */
    public DynamoDbRerunGuard(DynamoDbClient dynamo, String table, Clock clock, Duration retention) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public RerunClaim claim(String rolloutId, String runId, String fromStep) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = Map.of(
                PK, s(partitionKey(rolloutId)),
                SK, s(sortKey(runId, fromStep)),
                CLAIMED_AT, n(now),
                EXPIRES_AT, n(now + retention.toSeconds()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)).build());
            return new RerunClaim.Granted();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = dynamo.getItem(GetItemRequest.builder().tableName(table)
                    .key(key(rolloutId, runId, fromStep)).consistentRead(true).build()).item();
            AttributeValue newRun = existing == null ? null : existing.get(NEW_RUN_ID);
            return newRun == null ? new RerunClaim.InFlight() : new RerunClaim.AlreadyStarted(newRun.s());
        }
    }

    @Override
    public void recordNewRun(String rolloutId, String runId, String fromStep, String newRunId) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(rolloutId, runId, fromStep))
                    .updateExpression("SET #run = :run")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#run) OR #run = :run)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#run", NEW_RUN_ID))
                    .expressionAttributeValues(Map.of(":run", s(newRunId))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("no open rerun claim for rollout " + rolloutId + ", run " + runId
                    + ", step " + fromStep + " (missing, or recorded with another run)", e);
        }
    }

    @Override
    public void release(String rolloutId, String runId, String fromStep) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(rolloutId, runId, fromStep))
                    .conditionExpression("attribute_not_exists(#run)")
                    .expressionAttributeNames(Map.of("#run", NEW_RUN_ID)).build());
        } catch (ConditionalCheckFailedException e) {
            // A recorded rerun stays: releasing is only for claims whose rerun was never created.
        }
    }

    private static Map<String, AttributeValue> key(String rolloutId, String runId, String fromStep) {
        return Map.of(PK, s(partitionKey(rolloutId)), SK, s(sortKey(runId, fromStep)));
    }

    static String partitionKey(String rolloutId) {
        return "rerun#" + rolloutId;
    }

    /** Length-prefixed so that no run id / step pair can collide with another. */
    static String sortKey(String runId, String fromStep) {
        return "run#" + runId.length() + ":" + runId + "#step#" + fromStep;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
