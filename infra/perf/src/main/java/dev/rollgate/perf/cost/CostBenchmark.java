package dev.rollgate.perf.cost;

import dev.rollgate.aws.cordum.ApiKey;
import dev.rollgate.aws.cordum.CordumClientConfig;
import dev.rollgate.aws.cordum.HttpCordumClient;
import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.InMemoryMetricWindowStore;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.core.workflow.bind.GatePreflightCheck;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.StandInConfig;
import dev.rollgate.statemachine.local.LocalRollgate;
import dev.rollgate.statemachine.local.ScenarioTraffic;
import dev.rollgate.statemachine.runner.Execution;
import dev.rollgate.statemachine.runner.IdSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One rollout under a policy (default: the {@code rollout_gates} default plan of examples/rollout-gates.yaml),
 * healthy candidate, on the local runner with the real rollout.asl.json, DynamoDB on the emulator named by
 * {@code AWS_ENDPOINT_URL} and the Cordum stand-in, on virtual time. It counts what AWS would bill and prints a
 * per-service table with the estimate. Run it with {@code infra/bench-cost.sh}.
 * <p>
 * Options: {@code --policy FILE} {@code --template FILE} {@code --seed N} {@code --limit-hours N}
 * {@code --windows process|moto} (where the metric-window table lives; see {@link MeteredWindowStore}).
 */
public final class CostBenchmark {
    static final String TENANT = "acme";
    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    private CostBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args, "--policy", "--template", "--seed", "--limit-hours",
                "--windows");
        Path policyFile = Path.of(options.getOrDefault("--policy", "examples/rollout-gates.yaml"));
        Path templateFile = Path.of(options.getOrDefault("--template", "template.yaml"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "11"));
        Duration limit = Duration.ofHours(Long.parseLong(options.getOrDefault("--limit-hours", "96")));
        String windowsOn = options.getOrDefault("--windows", "process");
        if (!windowsOn.equals("process") && !windowsOn.equals("moto")) {
            throw new IllegalArgumentException("--windows must be 'process' or 'moto', not '" + windowsOn + "'");
        }
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run infra/bench-cost.sh, which starts moto");
        }
        String policy = Files.readString(policyFile);
        TemplateMemory memory = TemplateMemory.parse(Files.readAllLines(templateFile));
        Run run = run(URI.create(endpoint), policy, seed, limit, windowsOn.equals("moto"));
        report(System.out, policyFile, run, memory);
    }

    /** What one instrumented rollout left behind. */
    record Run(Rollout rollout, Execution execution, InvocationMeter invocations, CapacityMeter capacity,
               long lifecycleEvents, Duration virtualTime, Duration wallTime, String windowStore) {
    }

    static Run run(URI endpoint, String policy, long seed, Duration limit, boolean windowsOnMoto) {
        long began = System.nanoTime();
        InvocationMeter invocations = InvocationMeter.systemTicker();
        TableNames tables = TableNames.withPrefix("cost-" + UUID.randomUUID().toString().substring(0, 8)
                .toLowerCase(Locale.ROOT) + "-");
        CapacityMeter capacity = new CapacityMeter(TableKeys.of(tables), invocations::current);
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(capacity)).build();
             CordumStandIn cordum = CordumStandIn.startOnLoopback(StandInConfig.example())) {
            StateTables.createAll(dynamo, tables);
            StateStores onMoto = DynamoDbStateStores.create(dynamo, tables);
            StateStores stores = windowsOnMoto ? onMoto : new StateStores(onMoto.rollouts(), onMoto.history(),
                    new MeteredWindowStore(new InMemoryMetricWindowStore(), capacity, tables.windows()),
                    onMoto.approvals(), onMoto.starts(), onMoto.policies());
            HttpCordumClient client = new HttpCordumClient(CordumClientConfig.defaults(cordum.baseUri()),
                    () -> ApiKey.of("standin-admin-key"));
            LocalRollgate rollgate = LocalRollgate.create(stores, new GatePreflightCheck(new PreflightGate(client,
                    client, event -> { }, Clock.systemUTC())), START, IdSource.sequential(), invocations);
            ScenarioTraffic traffic = new ScenarioTraffic(rollgate);
            StartRolloutOutcome outcome = rollgate.invoke("StartRolloutFunction", () -> rollgate.starts().start(
                    new StartRolloutRequest(TENANT, "support-agent", "v2", "v1", "alice", null, policy,
                            "cost-benchmark-" + seed), rollgate.now()));
            if (!(outcome instanceof StartRolloutOutcome.Started started)) {
                throw new IllegalStateException("the rollout did not start: " + outcome);
            }
            traffic.follow(started.rolloutId(), TENANT, ScenarioTraffic.Behaviour.of(Scenario.HEALTHY), seed);
            Duration used = traffic.runUntilSettled(limit);
            Rollout rollout = stores.rollouts().get(started.rolloutId()).orElseThrow();
            Execution execution = rollgate.runner().executions().get(0);
            return new Run(rollout, execution, invocations, capacity, rollgate.published().size(), used,
                    Duration.ofNanos(System.nanoTime() - began), windowsOnMoto ? "moto" : "in-process, metered");
        }
    }

    static void report(PrintStream out, Path policyFile, Run run, TemplateMemory memory) {
        long transitions = StateTransitions.billable(run.execution().history());
        Map<String, FunctionStats> functions = run.invocations().stats();
        long windows = functions.getOrDefault("IngestMetricWindowFunction",
                new FunctionStats(0, 0, 0, 0, 0)).invocations();
        EventCounts events = EventCounts.of(windows, run.lifecycleEvents());
        CostEstimate estimate = new CostEstimate(transitions, functions, memory, run.capacity().tallies(), events);
        CostReport.print(out, policyFile, run, transitions, functions, memory, events, estimate);
        if (run.rollout().state().status() != RolloutStatus.PROMOTED) {
            throw new IllegalStateException("the healthy rollout ended " + run.rollout().state().status()
                    + ", not PROMOTED: the figures above are not those of a full rollout");
        }
    }
}
