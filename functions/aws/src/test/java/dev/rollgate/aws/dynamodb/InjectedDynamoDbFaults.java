package dev.rollgate.aws.dynamodb;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Fails chosen DynamoDB requests before they are sent, per attempt, the way DynamoDB answers when it throttles or
 * cancels a transaction: the SDK's retry strategy and the adapters see the same exceptions as in production, and
 * the emulator never executes a failed attempt. Counts every attempt per operation.
 */
final class InjectedDynamoDbFaults implements ExecutionInterceptor {
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

    private record Rule(IntPredicate failAttempt, Supplier<RuntimeException> fault) {
    }

    /** Fails the next {@code times} attempts of {@code operation} (e.g. {@code PutItem}). */
    InjectedDynamoDbFaults failNext(String operation, int times, Supplier<RuntimeException> fault) {
        int from = attempts(operation);
        rules.put(operation, new Rule(n -> n > from && n <= from + times, fault));
        return this;
    }

    /** Fails every attempt of {@code operation} whose running number matches {@code which}. */
    InjectedDynamoDbFaults failWhen(String operation, IntPredicate which, Supplier<RuntimeException> fault) {
        rules.put(operation, new Rule(which, fault));
        return this;
    }

    void clear() {
        rules.clear();
    }

    int attempts(String operation) {
        return attempts.computeIfAbsent(operation, o -> new AtomicInteger()).get();
    }

    int injected(String operation) {
        return injected.computeIfAbsent(operation, o -> new AtomicInteger()).get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        int attempt = attempts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        Rule rule = rules.get(operation);
        if (rule != null && rule.failAttempt().test(attempt)) {
            injected.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            throw rule.fault().get();
        }
    }

    static RuntimeException provisionedThroughputExceeded() {
        return ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("The level of configured provisioned throughput for the table was exceeded (injected)")
                .awsErrorDetails(details("ProvisionedThroughputExceededException")).build();
    }

    static RuntimeException throttling() {
        return DynamoDbException.builder().statusCode(400).message("Rate of requests exceeds the allowed throughput"
                + " (injected)").awsErrorDetails(details("ThrottlingException")).build();
    }

    /** A transaction DynamoDB cancelled because one of its items was throttled. */
    static RuntimeException transactionCanceledByThrottling() {
        return TransactionCanceledException.builder().statusCode(400)
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons (injected)")
                .cancellationReasons(CancellationReason.builder().code("ThrottlingError")
                        .message("Throughput exceeds the current capacity for one or more global secondary indexes")
                        .build(), CancellationReason.builder().code("None").build())
                .awsErrorDetails(details("TransactionCanceledException")).build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build();
    }
}
