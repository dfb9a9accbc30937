package dev.rollgate.aws.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbClientsTest {
    @Test
    void stateClientRetriesThrottledCallsMoreOftenThanTheSdkDefault() {
        try (DynamoDbClient client = DynamoDbClients.configured(DynamoDbClient.builder())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertThat(client.serviceClientConfiguration().overrideConfiguration().retryStrategy())
                    .hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts())
                            .isEqualTo(DynamoDbClients.MAX_ATTEMPTS));
        }
    }
}
