package dev.rollgate.perf.cost;

import dev.rollgate.aws.dynamodb.StateSchema;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.aws.dynamodb.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table's primary key and global secondary indexes (all projecting every attribute), which the capacity model
 * needs to remember items by key and to charge the index writes a table write causes.
 */
public record TableKeys(List<String> keyAttributes, List<Index> indexes) {
    public record Index(String name, String hashAttribute, String rangeAttribute) {
        /** The item's key in this index, or empty if the item lacks one of the index keys (sparse index). */
        Optional<List<AttributeValue>> keyOf(Map<String, AttributeValue> item) {
            AttributeValue h = item.get(hashAttribute);
            AttributeValue r = item.get(rangeAttribute);
            return h == null || r == null ? Optional.empty() : Optional.of(List.of(h, r));
        }
    }

    public TableKeys {
        keyAttributes = List.copyOf(keyAttributes);
        indexes = List.copyOf(indexes);
    }

    /** rollgate's six tables under their local names. */
    public static Map<String, TableKeys> of(TableNames names) {
        Map<String, TableKeys> out = new HashMap<>();
        for (TableSpec spec : StateSchema.ALL) {
            List<String> key = new ArrayList<>();
            key.add(spec.hashKey().name());
            spec.rangeKey().ifPresent(r -> key.add(r.name()));
            out.put(names.nameOf(spec), new TableKeys(key, spec.indexes().stream()
                    .map(i -> new Index(i.name(), i.hashKey().name(), i.rangeKey().name())).toList()));
        }
        return out;
    }

    /** The primary-key attributes of {@code item} (in key order), to remember it by. */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyAttributes.forEach(a -> {
            if (item.containsKey(a)) {
                key.put(a, item.get(a));
            }
        });
        return key;
    }
}
