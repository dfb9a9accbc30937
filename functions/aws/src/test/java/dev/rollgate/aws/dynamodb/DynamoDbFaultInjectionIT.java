package dev.rollgate.aws.dynamodb;

import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.CreateOutcome;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.StateAccessException;
import dev.rollgate.core.state.StateFixture;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.state.UpdateOutcome;
import dev.rollgate.core.state.WindowPutOutcome;
import dev.rollgate.core.workflow.ContentionException;
import dev.rollgate.core.workflow.PolicyCache;
import dev.rollgate.core.workflow.RolloutAdvancer;
import dev.rollgate.core.workflow.StepInput;
import dev.rollgate.core.workflow.StepPlanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.rollgate.core.state.StateFixture.T0;
import static dev.rollgate.core.state.StateFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Throttling and cancelled transactions injected into the production DynamoDB client configuration (retry policy
 * and attempt count of {@link DynamoDbClients}; only the backoff delays are shortened so the test stays fast),
 * against the emulator: the adapters retry, raise typed errors when retries run out, and never lose an update.
 */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoDbFaultInjectionIT {
    private static final String TENANT = "acme";
    private static final String POLICY = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
            """;
    private static TableNames tables;
    private static AwsEndpoint endpoint;

    private final InjectedDynamoDbFaults faults = new InjectedDynamoDbFaults();
    private DynamoDbClient dynamo;
    private StateStores stores;

    @BeforeAll
    static void createTables(AwsEndpoint aws) {
        endpoint = aws;
        tables = TableNames.withPrefix(StateFixture.unique("it-faults").toLowerCase(Locale.ROOT) + "-");
        try (DynamoDbClient plain = aws.dynamoDb()) {
            StateTables.createAll(plain, tables);
        }
    }

    @BeforeEach
    void faultyClient() {
        DynamoDbClientBuilder builder = endpoint.configure(DynamoDbClients.configured(DynamoDbClient.builder()));
        ClientOverrideConfiguration production = builder.overrideConfiguration();
        RetryStrategy retries = production.retryStrategy().orElseThrow();
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(20));
        dynamo = builder.overrideConfiguration(production.toBuilder()
                .retryStrategy(retries.toBuilder().backoffStrategy(quick).throttlingBackoffStrategy(quick).build())
                .addExecutionInterceptor(faults).build()).build();
        stores = DynamoDbStateStores.create(dynamo, tables);
    }

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void theTestClientKeepsTheProductionAttemptCount() {
        assertThat(dynamo.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow()
                .maxAttempts()).isEqualTo(DynamoDbClients.MAX_ATTEMPTS);
    }

    @Test
    void aThrottledWindowWriteIsRetriedAndStoredOnce() {
        String rolloutId = StateFixture.unique("ro");
        MetricWindow w = StateFixture.window(Variant.CANARY, T0);
        faults.failNext("PutItem", 3, InjectedDynamoDbFaults::provisionedThroughputExceeded);

        assertThat(stores.windows().put(rolloutId, w, at(5))).isEqualTo(WindowPutOutcome.STORED);

        assertThat(faults.injected("PutItem")).isEqualTo(3);
        assertThat(faults.attempts("PutItem")).isEqualTo(4);
        assertThat(windows(rolloutId)).containsExactly(w);
    }

    @Test
    void throttlingBeyondTheRetriesIsATypedErrorAndWritesNothing() {
        String rolloutId = StateFixture.unique("ro");
        faults.failWhen("PutItem", n -> true, InjectedDynamoDbFaults::provisionedThroughputExceeded);

        assertThatThrownBy(() -> stores.windows().put(rolloutId, StateFixture.window(Variant.CANARY, T0), at(5)))
                .isInstanceOf(StateAccessException.class).hasMessage("storing a metric window failed")
                .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);

        assertThat(faults.attempts("PutItem")).isEqualTo(DynamoDbClients.MAX_ATTEMPTS);
        faults.clear();
        assertThat(windows(rolloutId)).isEmpty();
    }

    @Test
    void throttledReadsAreRetried() {
        Rollout rollout = created();
        faults.failNext("GetItem", 2, InjectedDynamoDbFaults::throttling);

        assertThat(stores.rollouts().get(rollout.id())).contains(rollout);
        assertThat(faults.attempts("GetItem")).isEqualTo(3);
    }

    @Test
    void aRolloutUpdateThrottledBeyondItsRetriesIsATypedErrorAndLeavesTheRolloutAsItWas() {
        Rollout rollout = created();
        faults.failWhen("TransactWriteItems", n -> true, InjectedDynamoDbFaults::throttling);

        assertThatThrownBy(() -> stores.rollouts().update(change(rollout, "note-1")))
                .isInstanceOf(StateAccessException.class);

        faults.clear();
        assertThat(stores.rollouts().get(rollout.id()).orElseThrow().version()).isEqualTo(rollout.version());
        assertThat(notes(rollout.id())).isEmpty();
    }

    @Test
    void aTransactionCancelledByThrottlingIsRetriedFromAFreshReadAndLandsOnce() {
        Rollout rollout = created();
        int before = faults.attempts("TransactWriteItems");
        faults.failNext("TransactWriteItems", 3, InjectedDynamoDbFaults::transactionCanceledByThrottling);

        UpdateOutcome outcome = stores.rollouts().update(change(rollout, "note-1"));

        assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(faults.attempts("TransactWriteItems") - before).isEqualTo(4);
        assertThat(stores.rollouts().get(rollout.id()).orElseThrow().version()).isEqualTo(rollout.version() + 1);
        assertThat(notes(rollout.id())).containsExactly("note-1");
    }

    @Test
    void twoWritesFromTheSameVersionUnderThrottlesGiveOneUpdateAndOneTypedConflict() throws Exception {
        for (int round = 0; round < 3; round++) {
            Rollout rollout = created();
            faults.failWhen("TransactWriteItems", n -> n % 3 == 0, InjectedDynamoDbFaults::throttling);
            faults.failWhen("GetItem", n -> n % 4 == 0, InjectedDynamoDbFaults::provisionedThroughputExceeded);

            List<UpdateOutcome> outcomes = concurrently(2, i -> stores.rollouts().update(change(rollout, "w" + i)));

            assertThat(outcomes).filteredOn(o -> o instanceof UpdateOutcome.Updated).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof UpdateOutcome.Stale).hasSize(1);
            faults.clear();
            assertThat(stores.rollouts().get(rollout.id()).orElseThrow().version()).isEqualTo(rollout.version() + 1);
            assertThat(notes(rollout.id())).hasSize(1);
        }
    }

    @Test
    void twoAdvancersRacingUnderThrottlesNeverDropAnUpdate() throws Exception {
        Rollout rollout = created();
        RolloutAdvancer advancer = new RolloutAdvancer(stores.rollouts(), (r, e, at) -> { }, new PolicyCache(),
                new StepPlanner());
        faults.failWhen("TransactWriteItems", n -> n % 3 == 0, InjectedDynamoDbFaults::throttling);
        faults.failWhen("GetItem", n -> n % 5 == 0, InjectedDynamoDbFaults::provisionedThroughputExceeded);
        int perWriter = 5;

        List<List<String>> landed = concurrently(2, writer -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < perWriter; i++) {
                String note = "writer-" + writer + "-" + i;
                try {
                    advancer.advance(rollout.id(), loaded -> new StepInput(List.of(), List.of(note(note)),
                            Optional.empty()), "test", T0);
                    mine.add(note);
                } catch (ContentionException typedConflict) {
                    // Allowed: the caller is told. Silently dropping the note is not.
                }
            }
            return mine;
        });

        faults.clear();
        List<String> all = new ArrayList<>(landed.get(0));
        all.addAll(landed.get(1));
        assertThat(notes(rollout.id())).containsExactlyInAnyOrderElementsOf(all);
        assertThat(stores.rollouts().get(rollout.id()).orElseThrow().version())
                .isEqualTo(rollout.version() + all.size());
        assertThat(all).hasSizeGreaterThan(perWriter);
        assertThat(faults.injected("TransactWriteItems")).isPositive();
    }

    private Rollout created() {
        CreateOutcome outcome = stores.rollouts().create(new NewRollout(StateFixture.unique("ro"), TENANT, "agent",
                "v42", "v41", "alice@example.com", "default", 1, POLICY), T0);
        return ((CreateOutcome.Created) outcome).rollout();
    }

    private static HistoryEntry note(String text) {
        return new HistoryEntry(T0, "NOTE", "test", "", Map.of("note", text));
    }

    private static RolloutChange change(Rollout rollout, String note) {
        return new RolloutChange(rollout.id(), rollout.version(), rollout.state(), Optional.empty(), T0,
                List.of(note(note)));
    }

    private List<String> notes(String rolloutId) {
        return stores.history().read(rolloutId, PageRequest.first(500)).items().stream()
                .filter(e -> e.type().equals("NOTE")).map(HistoryEvent::detail).map(d -> d.get("note")).toList();
    }

    private List<MetricWindow> windows(String rolloutId) {
        return stores.windows().read(rolloutId, Variant.CANARY, T0.minusSeconds(1), Instant.parse("2100-01-01T00:00:00Z"),
                PageRequest.first(10)).items();
    }

    private interface Writer<T> {
        T write(int index) throws Exception;
    }

    private static <T> List<T> concurrently(int n, Writer<T> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    go.await();
                    return writer.write(index);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
