package dev.rollgate.aws.dynamodb;

import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.aws.testing.EmulatorDifferences;
import dev.rollgate.core.state.StateFixture;
import dev.rollgate.core.state.StateStoreContract;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared state contract against the DynamoDB adapters on an emulator, on freshly created tables. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoDbStateStoreIT extends StateStoreContract {
    private static DynamoDbClient dynamo;
    private static TableNames tables;
    private static StateStores stores;

    @BeforeAll
    static void createTables(AwsEndpoint aws) {
        dynamo = aws.dynamoDb();
        tables = TableNames.withPrefix(StateFixture.unique("it-state").toLowerCase(Locale.ROOT) + "-");
        StateTables.createAll(dynamo, tables);
        stores = DynamoDbStateStores.create(dynamo, tables);
    }

    @AfterAll
    static void dropTables() {
        if (dynamo == null) {
            return;
        }
        for (TableSpec spec : StateSchema.ALL) {
            dynamo.deleteTable(DeleteTableRequest.builder().tableName(tables.nameOf(spec)).build());
        }
        dynamo.close();
    }

    @Override
    protected StateStores stores() {
        return stores;
    }

    @Test
    void tablesThatExpireItemsHaveTtlOnTheSchemaAttribute() {
        for (TableSpec spec : StateSchema.ALL) {
            spec.ttlAttribute().ifPresent(attribute -> {
                var ttl = dynamo.describeTimeToLive(DescribeTimeToLiveRequest.builder()
                        .tableName(tables.nameOf(spec)).build()).timeToLiveDescription();
                // Expiry itself is never waited for: see EmulatorDifferences.TTL_NEVER_EXPIRES.
                assertThat(ttl.attributeName()).as(EmulatorDifferences.TTL_NEVER_EXPIRES).isEqualTo(attribute);
                assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
            });
        }
    }

    @Test
    void creatingTheTablesAgainIsHarmless() {
        StateTables.createAll(dynamo, tables);
    }
}
