package dev.rollgate.console.config;

import dev.rollgate.aws.dynamodb.DynamoDbClients;
import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.aws.stepfunctions.StepFunctionsApprovalCallback;
import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.state.StateStores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The console over DynamoDB ({@code rollgate.console.backend=dynamodb}): the state adapters, and approval
 * decisions sent to Step Functions. SDK execution interceptors declared as beans are added to the clients (the
 * integration test uses one to prove the pages never Scan).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rollgate.console.backend", havingValue = "dynamodb")
@EnableConfigurationProperties(DynamoDbBackendProperties.class)
public class DynamoDbBackendConfig {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(DynamoDbBackendProperties properties,
                                  ObjectProvider<ExecutionInterceptor> interceptors) {
        DynamoDbClientBuilder builder = configure(DynamoDbClient.builder(), properties, interceptors);
        // The state adapters' retry policy, as in the Lambda functions: a throttled decision write is retried as
        // often there as here, instead of failing after the SDK's default three attempts.
        RetryStrategy retries = DynamoDbClients.configured(DynamoDbClient.builder()).overrideConfiguration()
                .retryStrategy().orElseThrow();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder().retryStrategy(retries)
                .build()).build();
    }

    @Bean(destroyMethod = "close")
    SfnClient sfnClient(DynamoDbBackendProperties properties, ObjectProvider<ExecutionInterceptor> interceptors) {
        return configure(SfnClient.builder(), properties, interceptors).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder
            .AwsSyncClientBuilder<B, ?>> B configure(B builder, DynamoDbBackendProperties properties,
                                                     ObjectProvider<ExecutionInterceptor> interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        interceptors.orderedStream().forEach(override::addExecutionInterceptor);
        builder.httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(override.build());
        properties.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    @Bean
    StateStores stateStores(DynamoDbClient dynamo, DynamoDbBackendProperties properties) {
        TableNames names = properties.tablePrefix().map(TableNames::withPrefix)
                .orElseGet(() -> TableNames.fromEnvironment(System.getenv()));
        if (properties.createTables()) {
            StateTables.createAll(dynamo, names);
        }
        return DynamoDbStateStores.create(dynamo, names);
    }

    @Bean
    ApprovalCallback approvalCallback(SfnClient sfn) {
        return new StepFunctionsApprovalCallback(sfn);
    }
}
