package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.DeploymentClaim;
import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.DeploymentGuardConflictException;
import dev.rollgate.core.traffic.DeploymentGuardFailureException;
import dev.rollgate.core.traffic.DeploymentOwner;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DeploymentGuard} on the idempotency table (string hash key {@code pk}, string range key
 * {@code sk}, TTL attribute {@code expiresAt}). A claim is a conditional PutItem
 * ({@code attribute_not_exists(pk)}), so DynamoDB picks exactly one winner; the deployment id is added to
 * the same item afterwards, again conditionally, after a second item keyed by the deployment id that names its
 * owner (for the lifecycle hooks).
 * <p>The sort key names the stage and, from a rollout's second run on, the run ({@code stage#1},
 * {@code stage#1#run#2}): the first run keeps the key claims had before runs were counted, so a rollout in flight
 * across an upgrade still finds its deployment. An owner item without a {@code run} attribute is of run 1.
 */
public final class DynamoDbDeploymentGuard implements DeploymentGuard {
    static final String PK_PREFIX = "deployment-guard#";
    static final String SK_PREFIX = "stage#";
    static final String RUN_INFIX = "#run#";
    static final String OWNER_SK = "owner";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param retention how long a claim is kept before TTL removes it; longer than any rollout may last,
     *                  since an expired claim no longer guards
     */
    public DynamoDbDeploymentGuard(DynamoDbClient dynamo, String tableName, Clock clock, Duration retention) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = requireText(tableName, "tableName");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.retention = retention;
    }

    @Override
    public DeploymentClaim claim(String rolloutId, int run, int stageIndex) {
        var now = clock.instant();
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(rolloutId, run, stageIndex));
        item.put("claimedAt", s(now.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond())));
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new DeploymentClaim.Won();
        } catch (ConditionalCheckFailedException lost) {
            return new DeploymentClaim.AlreadyClaimed(deploymentOf(rolloutId, run, stageIndex));
        } catch (SdkException e) {
            throw new DeploymentGuardFailureException("claiming stage " + stageIndex + " of rollout " + rolloutId
                    + " (run " + run + ") in table " + tableName + " failed", e);
        }
    }

    @Override
    public void recordDeployment(String rolloutId, int run, int stageIndex, String deploymentId) {
        requireText(deploymentId, "deploymentId");
        recordOwner(rolloutId, run, stageIndex, deploymentId);
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key(rolloutId, run, stageIndex))
                    .updateExpression("SET deploymentId = :id")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(deploymentId) OR deploymentId = :id)")
                    .expressionAttributeValues(Map.of(":id", s(deploymentId))));
        } catch (ConditionalCheckFailedException e) {
            if (read(rolloutId, run, stageIndex).isEmpty()) {
                throw new IllegalStateException("stage " + stageIndex + " of rollout " + rolloutId
                        + " (run " + run + ") was never claimed", e);
            }
            throw new DeploymentGuardConflictException(rolloutId, stageIndex);
        } catch (SdkException e) {
            throw new DeploymentGuardFailureException("recording the deployment of stage " + stageIndex
                    + " of rollout " + rolloutId + " failed", e);
        }
    }

    @Override
    public Optional<String> deploymentOf(String rolloutId, int run, int stageIndex) {
        return read(rolloutId, run, stageIndex).flatMap(item -> Optional.ofNullable(item.get("deploymentId")))
                .map(AttributeValue::s);
    }

    /**
     * The reverse item (deployment id to rollout stage) a lifecycle hook reads. Written before the stage's item
     * names the deployment, so whoever can see the id can also find its owner; a deployment belongs to the stage
     * that started it even if recording the id then fails.
     */
    private void recordOwner(String rolloutId, int run, int stageIndex, String deploymentId) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(ownerKey(deploymentId));
        item.put("rolloutId", s(rolloutId));
        item.put("stageIndex", AttributeValue.fromN(Integer.toString(stageIndex)));
        item.put("run", AttributeValue.fromN(Integer.toString(run)));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond())));
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw new DeploymentGuardFailureException("recording the owner of deployment " + deploymentId
                    + " failed", e);
        }
    }

    @Override
    public Optional<DeploymentOwner> ownerOf(String deploymentId) {
        requireText(deploymentId, "deploymentId");
        try {
            var response = dynamo.getItem(r -> r.tableName(tableName).key(ownerKey(deploymentId)).consistentRead(true));
            if (!response.hasItem() || response.item().isEmpty()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> item = response.item();
            int run = item.containsKey("run") ? Integer.parseInt(item.get("run").n()) : 1;
            return Optional.of(new DeploymentOwner(item.get("rolloutId").s(), run,
                    Integer.parseInt(item.get("stageIndex").n())));
        } catch (SdkException e) {
            throw new DeploymentGuardFailureException("reading the owner of deployment " + deploymentId
                    + " failed", e);
        }
    }

    @Override
    public void release(String rolloutId, int run, int stageIndex) {
        try {
            dynamo.deleteItem(r -> r.tableName(tableName).key(key(rolloutId, run, stageIndex))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(deploymentId)"));
        } catch (ConditionalCheckFailedException alreadyGoneOrRecorded) {
            // Nothing to release: no claim, or it holds a deployment and must stay.
        } catch (SdkException e) {
            throw new DeploymentGuardFailureException("releasing stage " + stageIndex + " of rollout " + rolloutId
                    + " failed", e);
        }
    }

    private Optional<Map<String, AttributeValue>> read(String rolloutId, int run, int stageIndex) {
        try {
            var response = dynamo.getItem(r -> r.tableName(tableName).key(key(rolloutId, run, stageIndex)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw new DeploymentGuardFailureException("reading the claim of stage " + stageIndex + " of rollout "
                    + rolloutId + " failed", e);
        }
    }

    private static Map<String, AttributeValue> ownerKey(String deploymentId) {
        return Map.of("pk", s(PK_PREFIX + "deployment#" + deploymentId), "sk", s(OWNER_SK));
    }

    private static Map<String, AttributeValue> key(String rolloutId, int run, int stageIndex) {
        requireText(rolloutId, "rolloutId");
        if (run < 1) {
            throw new IllegalArgumentException("run must be >= 1, was " + run);
        }
        if (stageIndex < 0) {
            throw new IllegalArgumentException("stageIndex must be >= 0, was " + stageIndex);
        }
        String sk = SK_PREFIX + stageIndex + (run == 1 ? "" : RUN_INFIX + run);
        return Map.of("pk", s(PK_PREFIX + rolloutId), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be non-blank");
        }
        return value;
    }
}
