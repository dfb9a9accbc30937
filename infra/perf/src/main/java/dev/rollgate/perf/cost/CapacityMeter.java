package dev.rollgate.perf.cost;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An SDK interceptor on the DynamoDB client that asks every call for {@code ReturnConsumedCapacity=TOTAL} and
 * totals two figures per function and table: what the service reported, and read and write request units
 * computed from the items' sizes. The computed figure is the one priced: moto answers a constant (0.5 per
 * GetItem, 1 per PutItem or Query, nothing for transactions) whatever the size.
 * <p>
 * The model, conservative where the request alone does not tell: a write is charged for the larger of the item
 * before (the last version this meter saw, from a read or a write) and after; each global secondary index whose
 * keys the item has before or after costs one index write per version, two when the index key changes; a
 * transaction doubles every unit, index writes included; an update or delete of an item never seen costs one
 * unit (rollgate's are small counters and guards); a failed conditional write is charged as if it succeeded.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    /** The bucket for calls made outside any function: the traffic simulator's own reads, not rollgate's cost. */
    public static final String HARNESS = "(harness)";

    private final Map<String, TableKeys> tables;
    private final Supplier<Optional<String>> activity;
    private final Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> lastItems =
            new HashMap<>();
    private final Map<String, Tally> tallies = new TreeMap<>();

    /** Units of one function on one table. */
    public static final class Tally {
        private long calls;
        private double readUnits;
        private double writeUnits;
        private double reportedUnits;

        public long calls() {
            return calls;
        }

        public double readUnits() {
            return readUnits;
        }

        public double writeUnits() {
            return writeUnits;
        }

        /** What the service answered in ConsumedCapacity (moto: a constant per call). */
        public double reportedUnits() {
            return reportedUnits;
        }
    }

    public CapacityMeter(Map<String, TableKeys> tables, Supplier<Optional<String>> activity) {
        this.tables = Map.copyOf(tables);
        this.activity = activity;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof DeleteItemRequest d) {
            return d.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), Optional.of(context.response()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // A conditional write that fails its condition still consumes write units.
        record(context.request(), Optional.empty());
    }

    private synchronized void record(SdkRequest request, Optional<SdkResponse> response) {
        String who = activity.get().orElse(HARNESS);
        if (request instanceof GetItemRequest g) {
            Optional<GetItemResponse> got = response.map(GetItemResponse.class::cast);
            Map<String, AttributeValue> item = got.filter(GetItemResponse::hasItem).map(GetItemResponse::item)
                    .orElse(Map.of());
            long bytes = DynamoDbSizes.itemBytes(item);
            if (!item.isEmpty()) {
                remember(g.tableName(), item);
            }
            Tally t = tally(who, g.tableName());
            t.readUnits += DynamoDbSizes.readUnits(bytes, Boolean.TRUE.equals(g.consistentRead()));
            got.map(GetItemResponse::consumedCapacity).ifPresent(c -> reported(t, c));
        } else if (request instanceof QueryRequest q) {
            Optional<QueryResponse> got = response.map(QueryResponse.class::cast);
            List<Map<String, AttributeValue>> items = got.map(QueryResponse::items).orElse(List.of());
            long bytes = 0;
            for (Map<String, AttributeValue> item : items) {
                bytes += DynamoDbSizes.itemBytes(item);
                remember(q.tableName(), item);
            }
            // Index reads are always eventually consistent.
            boolean strong = Boolean.TRUE.equals(q.consistentRead()) && q.indexName() == null;
            Tally t = tally(who, q.tableName());
            t.readUnits += DynamoDbSizes.readUnits(bytes, strong);
            got.map(QueryResponse::consumedCapacity).ifPresent(c -> reported(t, c));
        } else if (request instanceof PutItemRequest p) {
            Tally t = tally(who, p.tableName());
            t.writeUnits += put(p.tableName(), p.item(), response.isPresent());
            response.map(PutItemResponse.class::cast).map(PutItemResponse::consumedCapacity)
                    .ifPresent(c -> reported(t, c));
        } else if (request instanceof UpdateItemRequest u) {
            Tally t = tally(who, u.tableName());
            t.writeUnits += DynamoDbSizes.writeUnits(forget(u.tableName(), u.key()));
            response.map(UpdateItemResponse.class::cast).map(UpdateItemResponse::consumedCapacity)
                    .ifPresent(c -> reported(t, c));
        } else if (request instanceof DeleteItemRequest d) {
            Tally t = tally(who, d.tableName());
            t.writeUnits += DynamoDbSizes.writeUnits(forget(d.tableName(), d.key()));
            response.map(DeleteItemResponse.class::cast).map(DeleteItemResponse::consumedCapacity)
                    .ifPresent(c -> reported(t, c));
        } else if (request instanceof TransactWriteItemsRequest tw) {
            for (TransactWriteItem item : tw.transactItems()) {
                transactional(who, item, response.isPresent());
            }
            response.map(TransactWriteItemsResponse.class::cast).filter(TransactWriteItemsResponse::hasConsumedCapacity)
                    .ifPresent(r -> r.consumedCapacity().forEach(c -> tally(who, c.tableName()).reportedUnits
                            += c.capacityUnits() == null ? 0 : c.capacityUnits()));
        }
    }

    private void transactional(String who, TransactWriteItem item, boolean applied) {
        if (item.put() != null) {
            tally(who, item.put().tableName()).writeUnits += 2 * put(item.put().tableName(), item.put().item(),
                    applied);
        } else if (item.update() != null) {
            tally(who, item.update().tableName()).writeUnits += 2 * DynamoDbSizes.writeUnits(
                    forget(item.update().tableName(), item.update().key()));
        } else if (item.delete() != null) {
            tally(who, item.delete().tableName()).writeUnits += 2 * DynamoDbSizes.writeUnits(
                    forget(item.delete().tableName(), item.delete().key()));
        } else if (item.conditionCheck() != null) {
            String table = item.conditionCheck().tableName();
            tally(who, table).writeUnits += 2 * DynamoDbSizes.writeUnits(known(table, item.conditionCheck().key()));
        }
    }

    /** Units of one (non-transactional) put, index writes included; remembers the new item if it was written. */
    private long put(String table, Map<String, AttributeValue> item, boolean applied) {
        TableKeys keys = keys(table);
        Map<String, AttributeValue> key = keys.keyOf(item);
        Optional<Map<String, AttributeValue>> before = Optional.ofNullable(lastItems.get(table)).map(m -> m.get(key));
        long newBytes = DynamoDbSizes.itemBytes(item);
        long oldBytes = before.map(DynamoDbSizes::itemBytes).orElse(0L);
        long units = DynamoDbSizes.writeUnits(Math.max(newBytes, oldBytes));
        for (TableKeys.Index index : keys.indexes()) {
            Optional<List<AttributeValue>> oldKey = before.flatMap(index::keyOf);
            Optional<List<AttributeValue>> newKey = index.keyOf(item);
            if (oldKey.isPresent() && newKey.isPresent() && oldKey.equals(newKey)) {
                units += DynamoDbSizes.writeUnits(Math.max(newBytes, oldBytes));
            } else {
                units += oldKey.map(k -> DynamoDbSizes.writeUnits(oldBytes)).orElse(0L);
                units += newKey.map(k -> DynamoDbSizes.writeUnits(newBytes)).orElse(0L);
            }
        }
        if (applied) {
            remember(table, item);
        }
        return units;
    }

    private void remember(String table, Map<String, AttributeValue> item) {
        lastItems.computeIfAbsent(table, k -> new HashMap<>()).put(keys(table).keyOf(item), Map.copyOf(item));
    }

    /** The size of the item last seen at {@code key} (maps compare by content), or 0 if never seen. */
    private long known(String table, Map<String, AttributeValue> key) {
        return Optional.ofNullable(lastItems.get(table)).map(m -> m.get(key)).map(DynamoDbSizes::itemBytes)
                .orElse(0L);
    }

    /** Like {@link #known}, and drops the item: after an update or delete its content is no longer known. */
    private long forget(String table, Map<String, AttributeValue> key) {
        long bytes = known(table, key);
        Optional.ofNullable(lastItems.get(table)).ifPresent(m -> m.remove(key));
        return bytes;
    }

    private TableKeys keys(String table) {
        TableKeys keys = tables.get(table);
        if (keys == null) {
            throw new IllegalStateException("the capacity meter does not know table " + table);
        }
        return keys;
    }

    private Tally tally(String who, String table) {
        Tally t = tallies.computeIfAbsent(who + "\t" + table, k -> new Tally());
        t.calls++;
        return t;
    }

    /**
     * Charges units computed elsewhere to the function running now (the in-process window store, which sizes
     * its items with the same encoding and rules).
     */
    public synchronized void charge(String table, double readUnits, double writeUnits) {
        Tally t = tally(activity.get().orElse(HARNESS), table);
        t.readUnits += readUnits;
        t.writeUnits += writeUnits;
    }

    private static void reported(Tally t, ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            t.reportedUnits += c.capacityUnits();
        }
    }

    /** Tallies keyed by function, then table. */
    public synchronized Map<String, Map<String, Tally>> tallies() {
        Map<String, Map<String, Tally>> out = new TreeMap<>();
        tallies.forEach((k, v) -> {
            String[] parts = k.split("\t", 2);
            out.computeIfAbsent(parts[0], x -> new TreeMap<>()).put(parts[1], v);
        });
        return out;
    }
}
