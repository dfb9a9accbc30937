package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.StateAccessException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the state tables from {@link StateSchema} where CloudFormation does not (emulators, the sandbox),
 * so local tables can never differ from the deployed ones.
 */
public final class StateTables {
    private StateTables() {
    }

    /** Creates every missing table, waits until it is active and turns TTL on where the schema has it. */
    public static void createAll(DynamoDbClient dynamo, TableNames names) {
        for (TableSpec spec : StateSchema.ALL) {
            String name = names.nameOf(spec);
            try {
                try {
                    dynamo.createTable(spec.createTableRequest(name));
                } catch (ResourceInUseException alreadyThere) {
                    // an earlier run created it; the schema check below still applies
                }
                dynamo.waiter().waitUntilTableExists(DescribeTableRequest.builder().tableName(name).build());
                spec.ttlAttribute().ifPresent(ttl -> dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                        .tableName(name).timeToLiveSpecification(TimeToLiveSpecification.builder()
                                .attributeName(ttl).enabled(true).build()).build()));
            } catch (SdkException e) {
                throw new StateAccessException("creating table " + name + " failed", e);
            }
        }
    }
}
