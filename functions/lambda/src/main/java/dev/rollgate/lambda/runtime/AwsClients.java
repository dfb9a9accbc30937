package dev.rollgate.lambda.runtime;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients of one execution environment, each built on first use over one shared url-connection HTTP
 * client (the lightest client; Apache and Netty are not in the jar). Region and credentials come from the
 * Lambda environment through the SDK's default chains, resolved lazily at the first call.
 */
public final class AwsClients {
    private final Lazy<SdkHttpClient> http = Lazy.of(() -> UrlConnectionHttpClient.builder().build());
    private final Lazy<DynamoDbClient> dynamo = Lazy.of(() -> DynamoDbClient.builder().httpClient(http.get()).build());
    private final Lazy<EventBridgeClient> events = Lazy.of(
            () -> EventBridgeClient.builder().httpClient(http.get()).build());
    private final Lazy<SfnClient> sfn = Lazy.of(() -> SfnClient.builder().httpClient(http.get()).build());
    private final Lazy<LambdaClient> lambda = Lazy.of(() -> LambdaClient.builder().httpClient(http.get()).build());
    private final Lazy<CodeDeployClient> codeDeploy = Lazy.of(
            () -> CodeDeployClient.builder().httpClient(http.get()).build());

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public EventBridgeClient events() {
        return events.get();
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public LambdaClient lambda() {
        return lambda.get();
    }

    public CodeDeployClient codeDeploy() {
        return codeDeploy.get();
    }
}
