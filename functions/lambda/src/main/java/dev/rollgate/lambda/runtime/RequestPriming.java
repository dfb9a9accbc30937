package dev.rollgate.lambda.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollgate.aws.dynamodb.DynamoDbMetricWindowStore;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.RolloutLifecycle;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.lifecycle.Transition;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.workflow.StageJudge;
import dev.rollgate.core.workflow.WindowDecoder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.StorageResolution;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The offline part of SnapStart priming: runs the work every first invocation would otherwise pay for, with nothing
 * leaving the sandbox and nothing secret in the snapshot. SDK operations the handlers make go through
 * {@link CannedHttpClient} on throw-away clients with dummy credentials (the deployed clients keep resolving real
 * credentials at their first call, after restore); a default policy is parsed, synthetic windows are written,
 * decoded and judged, which loads Jackson, the YAML parser and the statistics code the Evaluate and ingest paths use;
 * the windows are also read back as stored DynamoDB items, the way Evaluate reads 360 of them per invocation.
 */
final class RequestPriming {
    private static final String POLICY = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              score: {pass: 95, marginal: 75}
            """;

    private static final String PRIMING_ID = "r-prime";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider PRIMING_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));

    private RequestPriming() {
    }

    static void sdkOperations() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("priming"));
        try (SdkHttpClient http = new CannedHttpClient("{}");
             DynamoDbClient dynamo = offline(DynamoDbClient.builder(), http);
             EventBridgeClient events = offline(EventBridgeClient.builder(), http);
             SfnClient sfn = offline(SfnClient.builder(), http);
             SsmClient ssm = offline(SsmClient.builder(), http);
             LambdaClient lambda = offline(LambdaClient.builder(), http)) {
            dynamo.getItem(b -> b.tableName("priming").key(key).consistentRead(true));
            dynamo.query(b -> b.tableName("priming").keyConditionExpression("id = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("priming"))));
            dynamo.putItem(b -> b.tableName("priming").item(key).conditionExpression("attribute_not_exists(id)"));
            dynamo.updateItem(b -> b.tableName("priming").key(key).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1"))));
            dynamo.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName("priming").item(key))));
            events.putEvents(b -> b.entries(e -> e.eventBusName("priming").source("rollgate").detailType("priming")
                    .detail("{}")));
            sfn.sendTaskSuccess(b -> b.taskToken("priming").output("{}"));
            ssm.getParameter(b -> b.name("priming").withDecryption(true));
            lambda.getAlias(b -> b.functionName("priming").name("live"));
        }
    }

    /**
     * Reads the given windows back through the DynamoDB window store from a canned Query response holding them as
     * stored items, as Evaluate does twice per invocation: the SDK's item unmarshalling, the store's item decoding
     * and the stored-instant reader, run often enough for the JIT to compile them before the snapshot. Returns the
     * windows read (the canned response answers both variants' queries with the same items).
     */
    static List<MetricWindow> storedWindows(List<MetricWindow> windows) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("Items");
        windows.forEach(w -> items.add(itemJson(DynamoDbMetricWindowStore.itemOf(PRIMING_ID, w))));
        body.put("Count", windows.size());
        Instant from = windows.get(0).windowStart();
        Instant until = windows.get(windows.size() - 1).windowEnd();
        try (SdkHttpClient http = new CannedHttpClient(body.toString());
             DynamoDbClient dynamo = offline(DynamoDbClient.builder(), http)) {
            MetricWindowStore store = new DynamoDbMetricWindowStore(dynamo, TableNames.withPrefix("priming-"));
            List<MetricWindow> read = new ArrayList<>();
            for (Variant variant : List.of(Variant.BASELINE, Variant.CANARY)) {
                read.addAll(store.read(PRIMING_ID, variant, from, until, PageRequest.first(PageRequest.MAX_LIMIT))
                        .items());
            }
            return read;
        }
    }

    /** A throw-away client over the canned HTTP client, with dummy credentials and a fixed region. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C offline(B builder,
                                                                                             SdkHttpClient http) {
        return builder.httpClient(http).region(Region.US_EAST_1).credentialsProvider(PRIMING_CREDENTIALS).build();
    }

    /** An item in DynamoDB's JSON wire form; window items hold only strings, numbers and maps. */
    private static ObjectNode itemJson(Map<String, AttributeValue> item) {
        ObjectNode json = JSON.createObjectNode();
        item.forEach((name, value) -> json.set(name, valueJson(value)));
        return json;
    }

    private static ObjectNode valueJson(AttributeValue value) {
        ObjectNode json = JSON.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case M -> json.set("M", itemJson(value.m()));
            default -> throw new IllegalStateException("window items hold no " + value.type() + " values");
        }
        return json;
    }

    /**
     * Serialises (does not emit) an embedded-metric-format record like the one {@link PowertoolsTelemetry} flushes
     * after every invocation, which builds and caches the EMF library's Jackson serialisers (its object mapper is
     * static); an emitted record would be a false data point. Returns the serialised record.
     */
    static String metricsRecord() {
        try {
            MetricsContext context = new MetricsContext();
            context.setNamespace("Rollgate");
            context.putDimension(DimensionSet.of("Handler", "priming", "Outcome", "PRIMING"));
            context.putMetric("Decisions", 1, Unit.COUNT, StorageResolution.STANDARD);
            context.putMetric("DurationMs", 1, Unit.MILLISECONDS, StorageResolution.STANDARD);
            return String.join("\n", context.serialize());
        } catch (Exception e) { // the EMF library declares checked exceptions for invalid names and values
            throw new IllegalStateException("the priming metrics record is valid", e);
        }
    }

    /**
     * One lifecycle decision on a verdict, as Evaluate takes after judging: loads the lifecycle's handlers and
     * bootstraps the record equality and string concatenation call sites its first call would otherwise pay for.
     * Returns whether the state changed.
     */
    static boolean lifecycleStep(RolloutPolicy policy, Instant at) {
        RolloutLifecycle lifecycle = new RolloutLifecycle(policy);
        RolloutState pending = lifecycle.start(at).state();
        RolloutState shadow = new RolloutState(RolloutStatus.SHADOW, 0, 0, at, at, pending.lastReason());
        Transition next = lifecycle.next(shadow, new Observation.JudgeVerdict(0, VerdictOutcome.PROMOTE, 100.0,
                List.of()), at.plus(Duration.ofHours(3)));
        return !next.state().equals(shadow);
    }

    static void judgeAndWindows(WindowDecoder decoder, StageJudge judge) {
        PolicyParseResult parsed = PolicyParser.parse(POLICY, "priming");
        if (!(parsed instanceof PolicyParseResult.Valid valid)) {
            throw new IllegalStateException("the priming policy is valid: " + parsed);
        }
        List<MetricWindow> windows = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.HEALTHY, 1, Instant.parse("2026-01-01T00:00:00Z")));
        WindowWriter writer = new WindowWriter();
        for (MetricWindow w : windows.subList(0, 2)) {
            decoder.decode(writer.toJson(w));
        }
        storedWindows(windows.stream().filter(w -> w.variant() == Variant.BASELINE).toList());
        judge.assess(valid.policy(), 1, windows.stream().filter(w -> w.variant() == Variant.BASELINE).toList(),
                windows.stream().filter(w -> w.variant() == Variant.CANARY).toList(), Duration.ofHours(3));
        lifecycleStep(valid.policy(), windows.get(0).windowStart());
    }
}
