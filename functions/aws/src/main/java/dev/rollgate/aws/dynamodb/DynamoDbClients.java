package dev.rollgate.aws.dynamodb;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client the state adapters expect: the light URL-connection HTTP client and the SDK's standard
 * retry strategy (exponential backoff with jitter, throttling included) with more attempts than the default 3,
 * because a throttled state write that finally fails stops a rollout step. Region, credentials and
 * {@code AWS_ENDPOINT_URL} come from the usual SDK environment.
 */
public final class DynamoDbClients {
    /** Attempts per call, the first one included. */
    public static final int MAX_ATTEMPTS = 8;

    private DynamoDbClients() {
    }

    public static DynamoDbClient standard() {
        return configured(DynamoDbClient.builder()).build();
    }

    /** Applies the HTTP client and retry policy to {@code builder}; endpoint, region and credentials are left. */
    public static DynamoDbClientBuilder configured(DynamoDbClientBuilder builder) {
        return builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS).build())
                        .build());
    }
}
