package dev.rollgate.aws.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollgate.aws.dynamodb.IndexSpec;
import dev.rollgate.aws.dynamodb.KeyAttribute;
import dev.rollgate.aws.dynamodb.StateSchema;
import dev.rollgate.aws.dynamodb.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml deploys exactly the tables the code expects: names, keys, indexes, TTL and env variables. */
class StateTablesTemplateTest {
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("template.yaml above " + Path.of("").toAbsolutePath()).isNotNull();
        try (Reader reader = Files.newBufferedReader(dir.resolve("template.yaml"))) {
            template = CloudFormationYaml.read(reader);
        }
    }

    @Test
    void templateIsASamTemplate() {
        assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(template.path("Description").asText()).isNotBlank();
    }

    @Test
    void everySchemaTableIsInTheTemplateWithTheSameKeys() {
        for (TableSpec spec : StateSchema.ALL) {
            JsonNode props = table(spec).path("Properties");
            assertThat(keySchema(props.path("KeySchema"))).as(spec.logicalId() + " KeySchema")
                    .isEqualTo(expectedKeys(spec.hashKey(), spec.rangeKey().orElse(null)));
            Map<String, String> definitions = new HashMap<>();
            props.path("AttributeDefinitions").forEach(d -> definitions.put(d.path("AttributeName").asText(),
                    d.path("AttributeType").asText()));
            Map<String, String> expected = new HashMap<>();
            spec.keyAttributes().values().forEach(k -> expected.put(k.name(), k.type().toString()));
            assertThat(definitions).as(spec.logicalId() + " AttributeDefinitions").isEqualTo(expected);
        }
    }

    @Test
    void indexesMatchTheSchemaAndProjectEverything() {
        for (TableSpec spec : StateSchema.ALL) {
            JsonNode gsis = table(spec).path("Properties").path("GlobalSecondaryIndexes");
            Map<String, Map<String, String>> inTemplate = new HashMap<>();
            gsis.forEach(g -> {
                assertThat(g.path("Projection").path("ProjectionType").asText())
                        .as(spec.logicalId() + " " + g.path("IndexName").asText()).isEqualTo("ALL");
                inTemplate.put(g.path("IndexName").asText(), keySchema(g.path("KeySchema")));
            });
            Map<String, Map<String, String>> inSchema = new HashMap<>();
            for (IndexSpec index : spec.indexes()) {
                inSchema.put(index.name(), expectedKeys(index.hashKey(), index.rangeKey()));
            }
            assertThat(inTemplate).as(spec.logicalId() + " indexes").isEqualTo(inSchema);
        }
    }

    @Test
    void ttlAttributeMatchesTheSchema() {
        for (TableSpec spec : StateSchema.ALL) {
            JsonNode ttl = table(spec).path("Properties").path("TimeToLiveSpecification");
            if (spec.ttlAttribute().isPresent()) {
                assertThat(ttl.path("AttributeName").asText()).as(spec.logicalId() + " TTL")
                        .isEqualTo(spec.ttlAttribute().get());
                assertThat(ttl.path("Enabled").asBoolean()).as(spec.logicalId() + " TTL enabled").isTrue();
            } else {
                assertThat(ttl.isMissingNode()).as(spec.logicalId() + " has no TTL").isTrue();
            }
        }
    }

    @Test
    void everyTableIsOnDemandEncryptedAndRecoverable() {
        for (TableSpec spec : StateSchema.ALL) {
            JsonNode props = table(spec).path("Properties");
            assertThat(props.path("BillingMode").asText()).as(spec.logicalId()).isEqualTo("PAY_PER_REQUEST");
            assertThat(props.path("SSESpecification").path("SSEEnabled").asBoolean()).as(spec.logicalId()).isTrue();
            assertThat(props.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                    .asBoolean()).as(spec.logicalId()).isTrue();
        }
    }

    @Test
    void functionsGetEveryTableNameFromItsSchemaVariable() {
        JsonNode variables = template.path("Globals").path("Function").path("Environment").path("Variables");
        for (TableSpec spec : StateSchema.ALL) {
            assertThat(variables.path(spec.envVariable()).path("Ref").asText()).as(spec.envVariable())
                    .isEqualTo(spec.logicalId());
        }
    }

    @Test
    void theTemplateHasNoTableTheSchemaDoesNotKnow() {
        Set<String> tablesInTemplate = new HashSet<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
                tablesInTemplate.add(e.getKey());
            }
        });
        Set<String> tablesInSchema = new HashSet<>();
        StateSchema.ALL.forEach(s -> tablesInSchema.add(s.logicalId()));
        assertThat(tablesInTemplate).isEqualTo(tablesInSchema);
    }

    private static JsonNode table(TableSpec spec) {
        JsonNode resource = template.path("Resources").path(spec.logicalId());
        assertThat(resource.path("Type").asText()).as(spec.logicalId() + " type").isEqualTo("AWS::DynamoDB::Table");
        return resource;
    }

    private static Map<String, String> keySchema(JsonNode keySchema) {
        Map<String, String> keys = new HashMap<>();
        keySchema.forEach(k -> keys.put(k.path("KeyType").asText(), k.path("AttributeName").asText()));
        return keys;
    }

    private static Map<String, String> expectedKeys(KeyAttribute hash, KeyAttribute range) {
        Map<String, String> keys = new HashMap<>();
        keys.put("HASH", hash.name());
        if (range != null) {
            keys.put("RANGE", range.name());
        }
        return keys;
    }
}
