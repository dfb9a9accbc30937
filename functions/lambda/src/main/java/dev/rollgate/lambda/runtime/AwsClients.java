package dev.rollgate.lambda.runtime;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients of one execution environment, each built on first use over one shared url-connection HTTP
 * client (the lightest client; Apache and Netty are not in the jar). Region and credentials come from the
 * Lambda environment through the SDK's default chains, resolved lazily at the first call.
 */
public final class AwsClients {
    /** The services whose clients were built, as IAM names them (dynamodb, events, states, ...). */
    private final java.util.Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Lazy<SdkHttpClient> http = Lazy.of(() -> UrlConnectionHttpClient.builder().build());
    private final Lazy<DynamoDbClient> dynamo = Lazy.of(() -> DynamoDbClient.builder().httpClient(http.get()).build());
    private final Lazy<EventBridgeClient> events = Lazy.of(
            () -> EventBridgeClient.builder().httpClient(http.get()).build());
    private final Lazy<SfnClient> sfn = Lazy.of(() -> SfnClient.builder().httpClient(http.get()).build());
    private final Lazy<LambdaClient> lambda = Lazy.of(() -> LambdaClient.builder().httpClient(http.get()).build());
    private final Lazy<CodeDeployClient> codeDeploy = Lazy.of(
            () -> CodeDeployClient.builder().httpClient(http.get()).build());

    private final Lazy<SsmClient> ssm = Lazy.of(() -> SsmClient.builder().httpClient(http.get()).build());

    public SsmClient ssm() {
        used.add("ssm");
        return ssm.get();
    }

    public DynamoDbClient dynamo() {
        used.add("dynamodb");
        return dynamo.get();
    }

    public EventBridgeClient events() {
        used.add("events");
        return events.get();
    }

    public SfnClient sfn() {
        used.add("states");
        return sfn.get();
    }

    public LambdaClient lambda() {
        used.add("lambda");
        return lambda.get();
    }

    public CodeDeployClient codeDeploy() {
        used.add("codedeploy");
        return codeDeploy.get();
    }

    /** Which services this environment has built clients for so far; the template check compares it with IAM. */
    public java.util.Set<String> usedServices() {
        return java.util.Set.copyOf(used);
    }
}
