package dev.rollgate.console.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the name of every AWS operation the console's SDK clients send (the DynamoDB backend adds every
 * {@link ExecutionInterceptor} bean to its clients), and how many items Query answers returned, so tests and the
 * benchmark can show which requests a page makes, e.g. that none is a Scan.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DynamoDbOperationLog {
    public static final List<String> OPERATIONS = Collections.synchronizedList(new ArrayList<>());
    public static final AtomicLong QUERY_ITEMS = new AtomicLong();
    /** Wall time spent inside SDK calls (request out to response parsed), the emulator's share of a page. */
    public static final AtomicLong SDK_NANOS = new AtomicLong();
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("rollgate.started");

    @Bean
    ExecutionInterceptor operationRecorder() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                attributes.putAttribute(STARTED, System.nanoTime());
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                SDK_NANOS.addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
            }

            @Override
            public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                if (context.response() instanceof QueryResponse query) {
                    QUERY_ITEMS.addAndGet(query.count());
                }
            }
        };
    }

    public static void clear() {
        OPERATIONS.clear();
        QUERY_ITEMS.set(0);
        SDK_NANOS.set(0);
    }

    /** Operation name to how often it was sent since the last {@link #clear()}, by name. */
    public static Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        synchronized (OPERATIONS) {
            OPERATIONS.forEach(op -> counts.merge(op, 1, Integer::sum));
        }
        return counts;
    }
}
