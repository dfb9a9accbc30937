package dev.rollgate.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of the state schema.
 *
 * @param logicalId    the resource name in {@code template.yaml}
 * @param envVariable  the environment variable that carries the deployed table name
 * @param shortName    the name suffix used for locally created tables ({@link TableNames#withPrefix})
 * @param ttlAttribute the epoch-seconds attribute DynamoDB's TTL deletes items by, if the table expires items
 */
public record TableSpec(String logicalId, String envVariable, String shortName, KeyAttribute hashKey,
                        Optional<KeyAttribute> rangeKey, List<IndexSpec> indexes, Optional<String> ttlAttribute) {
    public TableSpec {
        indexes = List.copyOf(indexes);
    }

    public Optional<IndexSpec> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Every attribute that is a key of the table or of one of its indexes, with its type, once each. */
    public Map<String, KeyAttribute> keyAttributes() {
        Map<String, KeyAttribute> all = new LinkedHashMap<>();
        all.put(hashKey.name(), hashKey);
        rangeKey.ifPresent(r -> all.put(r.name(), r));
        for (IndexSpec index : indexes) {
            all.put(index.hashKey().name(), index.hashKey());
            all.put(index.rangeKey().name(), index.rangeKey());
        }
        return all;
    }

    /** The request that creates this table under {@code tableName} (on-demand, encrypted), as the template does. */
    public CreateTableRequest createTableRequest(String tableName) {
        List<AttributeDefinition> definitions = keyAttributes().values().stream()
                .map(k -> AttributeDefinition.builder().attributeName(k.name()).attributeType(k.type()).build())
                .toList();
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (IndexSpec index : indexes) {
            gsis.add(GlobalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), Optional.of(index.rangeKey())))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        }
        CreateTableRequest.Builder builder = CreateTableRequest.builder().tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(definitions)
                .keySchema(keySchema(hashKey, rangeKey))
                .sseSpecification(SSESpecification.builder().enabled(true).build());
        if (!gsis.isEmpty()) {
            builder.globalSecondaryIndexes(gsis);
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute hash, Optional<KeyAttribute> range) {
        List<KeySchemaElement> elements = new ArrayList<>();
        elements.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
        range.ifPresent(r -> elements.add(KeySchemaElement.builder().attributeName(r.name())
                .keyType(KeyType.RANGE).build()));
        return elements;
    }
}
