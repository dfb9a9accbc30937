package dev.rollgate.aws.testing;

import dev.rollgate.aws.dynamodb.DynamoDbClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an integration test's AWS calls go, and as whom. Obtain one from {@link AwsEmulatorExtension}; never
 * build clients from the environment directly, so every test runs unchanged on moto and on LocalStack.
 */
public record AwsEndpoint(AwsBackend backend, URI endpoint, Region region, String accessKeyId,
                          String secretAccessKey, Optional<String> sessionToken) {
    public AwsEndpoint {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** Points any SDK v2 client builder at this endpoint, region and credentials. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        AwsCredentials credentials = sessionToken.<AwsCredentials>map(
                        token -> AwsSessionCredentials.create(accessKeyId, secretAccessKey, token))
                .orElseGet(() -> AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        return builder.endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials));
    }

    /** A DynamoDB client configured like production ({@link DynamoDbClients}), pointed at this endpoint. */
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClients.configured(DynamoDbClient.builder())).build();
    }

    /** Keeps the secret out of test reports. */
    @Override
    public String toString() {
        return "AwsEndpoint[" + backend + " " + endpoint + " " + region + "]";
    }
}
