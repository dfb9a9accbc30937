package dev.rollgate.load;

import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.StateStores;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The state backend of a load run: DynamoDB on the emulator named by {@code AWS_ENDPOINT_URL} (fresh tables every
 * run) or the in-memory fakes, which separate rollgate's own cost from the emulator's.
 */
final class LoadStores implements AutoCloseable {
    enum Kind { DYNAMODB, MEMORY }

    private final Kind kind;
    private final StateStores stores;
    private final DynamoDbClient dynamo;

    private LoadStores(Kind kind, StateStores stores, DynamoDbClient dynamo) {
        this.kind = kind;
        this.stores = stores;
        this.dynamo = dynamo;
    }

    static Kind parse(String name) {
        return switch (name) {
            case "dynamodb" -> Kind.DYNAMODB;
            case "memory" -> Kind.MEMORY;
            default -> throw new IllegalArgumentException("--store must be dynamodb or memory, was '" + name + "'");
        };
    }

    static LoadStores open(Kind kind, int connections) {
        if (kind == Kind.MEMORY) {
            return new LoadStores(kind, InMemoryStateStores.create(), null);
        }
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || !endpoint.startsWith("http://127.0.0.1:")) {
            throw new IllegalStateException("the DynamoDB load run needs AWS_ENDPOINT_URL on 127.0.0.1 (moto): run it"
                    + " through infra/load-rollouts.sh or infra/load-ingest.sh, which start moto");
        }
        // Keep-alive connections for every worker thread (the JDK keeps 5 per host unless told otherwise).
        System.setProperty("http.maxConnections", String.valueOf(Math.max(5, connections)));
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build()).build();
        TableNames tables = TableNames.withPrefix("load-" + UUID.randomUUID().toString().substring(0, 8)
                .toLowerCase(Locale.ROOT) + "-");
        StateTables.createAll(dynamo, tables);
        return new LoadStores(kind, DynamoDbStateStores.create(dynamo, tables), dynamo);
    }

    Kind kind() {
        return kind;
    }

    StateStores stores() {
        return stores;
    }

    String describe() {
        return kind == Kind.MEMORY ? "in-memory stores" : "DynamoDB on moto at " + System.getenv("AWS_ENDPOINT_URL");
    }

    @Override
    public void close() {
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
