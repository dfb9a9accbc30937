package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.DeploymentClaim;
import dev.rollgate.core.traffic.DeploymentGuardConflictException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployment guard against moto's DynamoDB, on a table shaped like the idempotency table. */
@org.junit.jupiter.api.extension.ExtendWith(dev.rollgate.aws.testing.AwsEmulatorExtension.class)
class DynamoDbDeploymentGuardIT {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createIdempotencyTable(dev.rollgate.aws.testing.AwsEndpoint aws) {
        MotoEmulator.use(aws);
        dynamo = MotoEmulator.dynamo();
        table = "rollgate-idempotency-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt")
                .enabled(true)));
    }

    @Test
    void exactlyOneOfTenConcurrentClaimsWins() throws Exception {
        DynamoDbDeploymentGuard guard = guard();
        String rollout = "rollout-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<DeploymentClaim>> claims = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                claims.add(() -> {
                    start.await();
                    return guard.claim(rollout, 1, 1);
                });
            }
            List<Future<DeploymentClaim>> futures = new ArrayList<>();
            for (Callable<DeploymentClaim> claim : claims) {
                futures.add(pool.submit(claim));
            }
            start.countDown();
            List<DeploymentClaim> outcomes = new ArrayList<>();
            for (Future<DeploymentClaim> f : futures) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(c -> c instanceof DeploymentClaim.Won).hasSize(1);
            assertThat(outcomes).filteredOn(c -> c instanceof DeploymentClaim.AlreadyClaimed).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void laterClaimsGetTheRecordedDeploymentId() {
        DynamoDbDeploymentGuard guard = guard();
        String rollout = "rollout-" + UUID.randomUUID();
        guard.claim(rollout, 1, 1);
        guard.recordDeployment(rollout, 1, 1, "d-ABC");
        guard.recordDeployment(rollout, 1, 1, "d-ABC");

        assertThat(guard.claim(rollout, 1, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(Optional.of("d-ABC")));
        assertThat(guard.deploymentOf(rollout, 1, 1)).contains("d-ABC");
        assertThat(guard.ownerOf("d-ABC")).contains(new dev.rollgate.core.traffic.DeploymentOwner(rollout, 1, 1));
        assertThat(guard.ownerOf("d-NOT-OURS")).isEmpty();
        assertThatThrownBy(() -> guard.recordDeployment(rollout, 1, 1, "d-OTHER"))
                .isInstanceOf(DeploymentGuardConflictException.class);
        guard.release(rollout, 1, 1);
        assertThat(guard.deploymentOf(rollout, 1, 1)).contains("d-ABC");
    }

    @Test
    void aReleasedClaimWithoutDeploymentCanBeClaimedAgain() {
        DynamoDbDeploymentGuard guard = guard();
        String rollout = "rollout-" + UUID.randomUUID();
        guard.claim(rollout, 1, 1);

        guard.release(rollout, 1, 1);

        assertThat(guard.claim(rollout, 1, 1)).isInstanceOf(DeploymentClaim.Won.class);
    }

    @Test
    void recordingWithoutAClaimIsRefused() {
        assertThatThrownBy(() -> guard().recordDeployment("rollout-" + UUID.randomUUID(), 1, 1, "d-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never claimed");
    }

    @Test
    void theClaimCarriesItsTtlInTheExpiresAtAttribute() {
        String rollout = "rollout-" + UUID.randomUUID();
        guard().claim(rollout, 1, 2);

        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("deployment-guard#" + rollout), "sk", AttributeValue.fromS("stage#2"))))
                .item();
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(item.get("claimedAt").s()).isEqualTo(NOW.toString());
    }

    @Test
    void aRerunClaimsAnewUnderItsOwnKeyWhileARetryWithinTheRunFindsItsDeployment() {
        DynamoDbDeploymentGuard guard = guard();
        String rollout = "rollout-" + UUID.randomUUID();
        guard.claim(rollout, 1, 1);
        guard.recordDeployment(rollout, 1, 1, "d-RUN1");

        assertThat(guard.claim(rollout, 2, 1)).isEqualTo(new DeploymentClaim.Won());
        assertThat(guard.claim(rollout, 2, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(Optional.empty()));
        guard.recordDeployment(rollout, 2, 1, "d-RUN2");

        assertThat(guard.claim(rollout, 1, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(Optional.of("d-RUN1")));
        assertThat(guard.claim(rollout, 2, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(Optional.of("d-RUN2")));
        assertThat(guard.ownerOf("d-RUN1")).contains(new dev.rollgate.core.traffic.DeploymentOwner(rollout, 1, 1));
        assertThat(guard.ownerOf("d-RUN2")).contains(new dev.rollgate.core.traffic.DeploymentOwner(rollout, 2, 1));
        // The first run keeps the key claims had before runs were counted; later runs name theirs.
        assertThat(dynamo.getItem(r -> r.tableName(table).key(Map.of("pk",
                AttributeValue.fromS("deployment-guard#" + rollout), "sk", AttributeValue.fromS("stage#1#run#2"))))
                .item().get("deploymentId").s()).isEqualTo("d-RUN2");
    }

    @Test
    void anOwnerRecordedBeforeRunsWereCountedIsOfTheFirstRun() {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("deployment-guard#deployment#d-OLD"),
                "sk", AttributeValue.fromS("owner"), "rolloutId", AttributeValue.fromS("rollout-old"),
                "stageIndex", AttributeValue.fromN("1"))));

        assertThat(guard().ownerOf("d-OLD")).contains(new dev.rollgate.core.traffic.DeploymentOwner("rollout-old", 1, 1));
    }

    private static DynamoDbDeploymentGuard guard() {
        return new DynamoDbDeploymentGuard(dynamo, table, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
    }
}
