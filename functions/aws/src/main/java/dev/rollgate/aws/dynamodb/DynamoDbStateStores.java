package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.StateStores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the DynamoDB adapters of every state port onto one client and one set of table names. */
public final class DynamoDbStateStores {
    private DynamoDbStateStores() {
    }

    public static StateStores create(DynamoDbClient dynamo, TableNames tables) {
        DynamoDbRolloutHistory history = new DynamoDbRolloutHistory(dynamo, tables);
        DynamoDbRollouts rollouts = new DynamoDbRollouts(dynamo, tables, history);
        return new StateStores(rollouts, history, new DynamoDbMetricWindowStore(dynamo, tables),
                new DynamoDbApprovals(dynamo, tables, history),
                new DynamoDbRolloutStarts(dynamo, tables, rollouts, history), new DynamoDbPolicies(dynamo, tables));
    }
}
