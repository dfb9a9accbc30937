package dev.rollgate.console.config;

import dev.rollgate.aws.dynamodb.DynamoDbClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbBackendConfigTest {
    @Test
    void theConsolesDynamoDbClientRetriesLikeTheStateAdaptersAndKeepsTheInterceptors() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
        };
        beans.addBean("recorder", recorder);
        DynamoDbBackendProperties properties = new DynamoDbBackendProperties(
                Optional.of(URI.create("http://127.0.0.1:9")), Optional.of("t-"), false);

        // The region comes from the environment in a deployment; set here so no provider looks further.
        String before = System.getProperty("aws.region");
        System.setProperty("aws.region", "us-east-1");
        try (DynamoDbClient client = new DynamoDbBackendConfig().dynamoDbClient(properties,
                beans.getBeanProvider(ExecutionInterceptor.class))) {
            var override = client.serviceClientConfiguration().overrideConfiguration();
            assertThat(override.retryStrategy().orElseThrow().maxAttempts()).isEqualTo(DynamoDbClients.MAX_ATTEMPTS);
            assertThat(override.executionInterceptors()).contains(recorder);
        } finally {
            if (before == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", before);
            }
        }
    }
}
