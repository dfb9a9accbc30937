package dev.rollgate.perf.cost;

import dev.rollgate.aws.dynamodb.TableNames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityMeterTest {
    private static final TableNames TABLES = TableNames.withPrefix("t-");
    private final AtomicReference<String> running = new AtomicReference<>("EvaluateFunction");
    private final CapacityMeter meter = new CapacityMeter(TableKeys.of(TABLES),
            () -> Optional.ofNullable(running.get()));

    private void call(SdkRequest request, SdkResponse response) {
        SdkRequest sent = meter.modifyRequest(InterceptorContext.builder().request(request).build(),
                new ExecutionAttributes());
        meter.afterExecution(InterceptorContext.builder().request(sent).response(response).build(),
                new ExecutionAttributes());
    }

    private CapacityMeter.Tally tally(String function, String table) {
        return meter.tallies().get(function).get(table);
    }

    /** A metric-window-like item of about {@code bytes} bytes. */
    private static Map<String, AttributeValue> window(String sk, int bytes) {
        return Map.of("pk", AttributeValue.fromS("W#r-1#canary"), "sk", AttributeValue.fromS(sk),
                "body", AttributeValue.fromS("x".repeat(bytes)));
    }

    private static Map<String, AttributeValue> rollout(String status, int bytes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS("r-1"));
        item.put("tenant", AttributeValue.fromS("acme"));
        item.put("tenantStatus", AttributeValue.fromS("acme#" + status));
        item.put("tenantAgent", AttributeValue.fromS("acme#agent"));
        item.put("createdKey", AttributeValue.fromS("2026-11-27"));
        item.put("body", AttributeValue.fromS("x".repeat(bytes)));
        return item;
    }

    @Test
    void everyCallAsksForTheTotalConsumedCapacity() {
        SdkRequest sent = meter.modifyRequest(InterceptorContext.builder().request(GetItemRequest.builder()
                .tableName(TABLES.rollouts()).key(Map.of("id", AttributeValue.fromS("r-1"))).build()).build(),
                new ExecutionAttributes());
        assertThat(((GetItemRequest) sent).returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.TOTAL);
    }

    @Test
    void aQueryIsChargedForAllItemsItReturnedInFourKilobyteUnits() {
        QueryRequest query = QueryRequest.builder().tableName(TABLES.windows()).consistentRead(true).build();
        List<Map<String, AttributeValue>> items = List.of(window("1", 3000), window("2", 3000), window("3", 3000));
        call(query, QueryResponse.builder().items(items).consumedCapacity(ConsumedCapacity.builder()
                .tableName(TABLES.windows()).capacityUnits(1.0).build()).build());

        CapacityMeter.Tally t = tally("EvaluateFunction", TABLES.windows());
        assertThat(t.readUnits()).isEqualTo(3.0); // ~9 KB strongly consistent
        assertThat(t.reportedUnits()).isEqualTo(1.0);
        assertThat(t.calls()).isEqualTo(1);
    }

    @Test
    void callsOutsideAnyFunctionGoToTheHarness() {
        running.set(null);
        call(GetItemRequest.builder().tableName(TABLES.rollouts()).key(Map.of("id", AttributeValue.fromS("r-1")))
                .consistentRead(true).build(), GetItemResponse.builder().build());
        assertThat(tally(CapacityMeter.HARNESS, TABLES.rollouts()).readUnits()).isEqualTo(1.0);
    }

    @Test
    void aNewItemWithoutIndexesCostsItsSizeInKilobytes() {
        call(PutItemRequest.builder().tableName(TABLES.windows()).item(window("1", 1500)).build(),
                PutItemResponse.builder().build());
        assertThat(tally("EvaluateFunction", TABLES.windows()).writeUnits()).isEqualTo(2.0);
    }

    @Test
    void aTransactionalRolloutUpdateDoublesTheTableAndIndexWritesAndChargesAKeyChangeTwice() {
        Map<String, AttributeValue> before = rollout("CANARY", 1500);
        // The rollout is read first, so the meter knows the item before the write.
        call(GetItemRequest.builder().tableName(TABLES.rollouts()).key(Map.of("id", AttributeValue.fromS("r-1")))
                .consistentRead(true).build(), GetItemResponse.builder().item(before).build());
        Map<String, AttributeValue> after = rollout("BAKING", 1500);
        call(TransactWriteItemsRequest.builder().transactItems(TransactWriteItem.builder().put(Put.builder()
                .tableName(TABLES.rollouts()).item(after).build()).build()).build(),
                TransactWriteItemsResponse.builder().build());

        // Table 2 units; byTenant and byTenantAgent keep their keys: 2 each; byTenantStatus changes key: 2 + 2.
        // Total 10 units, doubled by the transaction.
        assertThat(tally("EvaluateFunction", TABLES.rollouts()).writeUnits()).isEqualTo(20.0);
    }

    @Test
    void anItemNeverSeenIsWrittenAsNewIntoEveryIndexItHasKeysFor() {
        call(PutItemRequest.builder().tableName(TABLES.rollouts()).item(rollout("PENDING", 100)).build(),
                PutItemResponse.builder().build());
        // Table 1 unit + three index entries of 1 unit each.
        assertThat(tally("EvaluateFunction", TABLES.rollouts()).writeUnits()).isEqualTo(4.0);
    }
}
