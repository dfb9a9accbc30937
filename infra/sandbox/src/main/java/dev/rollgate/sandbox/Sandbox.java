package dev.rollgate.sandbox;

import dev.rollgate.aws.cordum.ApiKey;
import dev.rollgate.aws.cordum.CordumClientConfig;
import dev.rollgate.aws.cordum.HttpCordumClient;
import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.console.ConsoleApplication;
import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.operations.RolloutControl;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.core.workflow.bind.GatePreflightCheck;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.StandInConfig;
import dev.rollgate.statemachine.local.LocalRollgate;
import dev.rollgate.statemachine.local.ScenarioTraffic;
import dev.rollgate.statemachine.runner.IdSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running sandbox: DynamoDB tables on moto, the Cordum stand-in, the real workflow on the local runner, the
 * traffic simulator on a virtual clock, the console (a Spring Boot app wired to the same stores and runner), and
 * the sandbox API. Every run uses fresh tables, so a restart never sees stale state.
 */
public final class Sandbox implements AutoCloseable {
    public static final String TENANT = "acme";
    public static final String REQUESTER = "alice@example.com";
    public static final String POLICY_NAME = "demo";
    /** The stand-in's example admin key; the key is a parameter so tests can use a recognisable one. */
    public static final String STANDIN_API_KEY = "standin-admin-key";
    static final String POLICY = """
            # The sandbox's demo policy: the default plan (shadow, 10 %, 50 %, full) with short stages so a whole
            # rollout plays in minutes at the default speed.
            preflight:
              topics: [job.support.reply]
              workflow: {id: wf-support, environment: staging, input: {ticket: T-1}}
            # Tail latency is held to 5 %: the marginal demo's candidate (p90 +7 %, p99 +15 %) scores marginal.
            metrics:
              - {name: error_rate}
              - {name: latency_p50}
              - {name: latency_p90, allowed_effect: 0.05}
              - {name: latency_p99, allowed_effect: 0.05}
              - {name: policy_deny_rate}
              - {name: safety_deny_rate}
              - {name: parse_failure_rate}
              - {name: schema_violation_rate}
            rollout_gates:
              min_data_points_per_metric: 30
              canary_lifetime_hours: 3
              metric_interval_hours: 0.5
              shadow_hours: 0.5
              bake_hours: 1
              score: {pass: 95, marginal: 75}
              rollback_triggers: {max_error_rate_delta: 2.0, max_policy_deny_rate: 0.03}
            """;

    private final DynamoDbClient dynamo;
    private final StateStores stores;
    private final CordumStandIn cordum;
    private final LocalRollgate rollgate;
    private final ScenarioTraffic traffic;
    private final VirtualTimePump pump;
    private final AtomicInteger started = new AtomicInteger();
    private ConfigurableApplicationContext console;
    private SandboxApi api;

    private Sandbox(SandboxOptions options, String cordumApiKey) {
        this.dynamo = DynamoDbClient.builder().endpointOverride(options.awsEndpoint())
                .httpClient(UrlConnectionHttpClient.create()).build();
        TableNames tables = TableNames.withPrefix("sandbox-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        StateTables.createAll(dynamo, tables);
        this.stores = DynamoDbStateStores.create(dynamo, tables);
        StandInConfig example = StandInConfig.example();
        this.cordum = CordumStandIn.startOnLoopback(new StandInConfig(
                List.of(new StandInConfig.ApiKey(cordumApiKey, null, "rollgate", true)), example.policyLoaded(),
                example.topics(), example.bundles(), example.workflows(), example.runs(), example.approvals(),
                example.rateLimit(), example.faults()));
        HttpCordumClient client = new HttpCordumClient(CordumClientConfig.defaults(cordum.baseUri()),
                () -> ApiKey.of(cordumApiKey));
        this.rollgate = LocalRollgate.create(stores, new GatePreflightCheck(new PreflightGate(client, client,
                        event -> { }, Clock.systemUTC())), Instant.now().truncatedTo(ChronoUnit.MINUTES),
                IdSource.sequential());
        this.traffic = new ScenarioTraffic(rollgate);
        this.pump = new VirtualTimePump(traffic, options.speed());
        stores.policies().publish(TENANT, POLICY_NAME, 0, POLICY, REQUESTER, rollgate.now());
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        return start(options, STANDIN_API_KEY);
    }

    /** A sandbox whose Cordum stand-in accepts, and whose client sends, {@code cordumApiKey}. */
    public static Sandbox start(SandboxOptions options, String cordumApiKey) throws IOException {
        Sandbox sandbox = new Sandbox(options, cordumApiKey);
        try {
            sandbox.api = new SandboxApi(sandbox, options.apiPort());
            sandbox.console = sandbox.startConsole(options.port());
            sandbox.pump.start();
            return sandbox;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private ConfigurableApplicationContext startConsole(int port) {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .initializers(context -> {
                    GenericApplicationContext c = (GenericApplicationContext) context;
                    // The console derives its state ports from this one bean (StatePortsConfig).
                    c.registerBean(StateStores.class, () -> stores);
                    c.registerBean(ApprovalCallback.class, () -> new LocalApprovalCallback(rollgate.runner()));
                    c.registerBean(RolloutControl.class, () -> new LocalRolloutControl(rollgate.operator()));
                    // Ages and deadlines on the pages follow the sandbox's virtual time.
                    c.registerBean(Clock.class, rollgate::clock);
                })
                // As arguments, not default properties: they must win over the console's application.yml.
                .run("--rollgate.console.backend=provided", "--server.port=" + port, "--server.address=127.0.0.1",
                        "--spring.profiles.active=local");
    }

    /** Starts a rollout of {@code agent} under the demo policy, requested by alice, with simulated traffic. */
    public String startRollout(String agent, DemoScenario scenario) {
        String key = "sandbox-" + agent + "-" + started.incrementAndGet() + "-" + UUID.randomUUID();
        StartRolloutOutcome outcome = rollgate.starts().start(new StartRolloutRequest(TENANT, agent, "v2", "v1",
                REQUESTER, POLICY_NAME, null, key), rollgate.now());
        if (!(outcome instanceof StartRolloutOutcome.Started s)) {
            throw new IllegalStateException("the demo rollout did not start: " + outcome);
        }
        traffic.follow(s.rolloutId(), TENANT, scenario.behaviour(), key.hashCode());
        return s.rolloutId();
    }

    public StateStores stores() {
        return stores;
    }

    public LocalRollgate rollgate() {
        return rollgate;
    }

    public int consolePort() {
        return Integer.parseInt(console.getEnvironment().getProperty("local.server.port", "0"));
    }

    public int apiPort() {
        return api.port();
    }

    public Duration virtualElapsed(Instant since) {
        return Duration.between(since, rollgate.now());
    }

    @Override
    public void close() {
        pump.close();
        if (console != null) {
            console.close();
        }
        if (api != null) {
            api.close();
        }
        cordum.close();
        dynamo.close();
    }
}
