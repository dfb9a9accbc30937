package dev.rollgate.aws.traffic;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;

/** Real SDK clients over a given HTTP layer, with dummy credentials and no retries (calls are counted). */
final class FakeSdkClients {
    private static final URI NOWHERE = URI.create("http://recorded.invalid");
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private FakeSdkClients() {
    }

    static LambdaClient lambda(SdkHttpClient http) {
        return LambdaClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(NOWHERE).overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    static CodeDeployClient codeDeploy(SdkHttpClient http) {
        return CodeDeployClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(NOWHERE).overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
    }
}
