package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.preflight.RerunGuard;
import dev.rollgate.core.preflight.RerunGuardContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Against moto (infra/test.sh exports AWS_ENDPOINT_URL); the test creates its own idempotency table. */
class DynamoDbRerunGuardIT extends RerunGuardContract {
    private static final String TABLE = "rerun-guard-it-" + System.nanoTime();
    private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
    private static DynamoDbClient dynamo;
    private final DynamoDbRerunGuard guard = new DynamoDbRerunGuard(dynamo, TABLE, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(30));

    @BeforeAll
    static void createTable() {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") != null, "needs moto: run through infra/test.sh");
        dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    @AfterAll
    static void dropTable() {
        if (dynamo != null) {
            dynamo.deleteTable(b -> b.tableName(TABLE));
            dynamo.close();
        }
    }

    @Override
    protected RerunGuard guard() {
        return guard;
    }

    @Test
    void aClaimExpiresAfterTheRetentionThroughTheTtlAttribute() {
        String rollout = unique("ro");
        guard.claim(rollout, "run-1", "s2");

        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(TABLE).key(Map.of(
                "pk", AttributeValue.fromS(DynamoDbRerunGuard.partitionKey(rollout)),
                "sk", AttributeValue.fromS(DynamoDbRerunGuard.sortKey("run-1", "s2")))).build()).item();

        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
    }
}
