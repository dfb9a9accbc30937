package dev.rollgate.statemachine.scenario;

import dev.rollgate.aws.cordum.ApiKey;
import dev.rollgate.aws.cordum.CordumClientConfig;
import dev.rollgate.aws.cordum.HttpCordumClient;
import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.core.workflow.bind.GatePreflightCheck;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.StandInConfig;
import dev.rollgate.aws.traffic.CodeDeployHookReporter;
import dev.rollgate.aws.traffic.CodeDeployTrafficDriver;
import dev.rollgate.aws.traffic.DynamoDbDeploymentGuard;
import dev.rollgate.statemachine.local.CodeDeployWiring;
import dev.rollgate.statemachine.local.LocalCodeDeployClient;
import dev.rollgate.statemachine.local.LocalCodeDeploys;
import dev.rollgate.statemachine.local.LocalLambdaAliasClient;
import dev.rollgate.statemachine.local.LocalRollgate;
import dev.rollgate.statemachine.local.ScenarioTraffic;
import dev.rollgate.statemachine.runner.IdSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One rollgate installation for a scenario: fresh DynamoDB tables on the emulator, the Cordum stand-in over HTTP,
 * the real workflow definition on the local runner, and simulated traffic.
 */
final class ScenarioFixture implements AutoCloseable {
    static final String TENANT = "acme";
    static final String ADMIN_KEY = "standin-admin-key";
    /** A short plan so a scenario plays in a few hundred virtual minutes. */
    static final String POLICY = """
            name: scenario-policy
            preflight:
              topics: [job.support.reply]
              workflow: {id: wf-support, environment: staging, input: {ticket: T-1}}
            rollout_gates:
              min_data_points_per_metric: 30
              canary_lifetime_hours: 1
              metric_interval_hours: 0.25
              shadow_hours: 0.5
              bake_hours: 1
            """;

    /** The same short plan for the codedeploy driver: one canary whose duration is the TimeBasedCanary interval. */
    static final String CODEDEPLOY_POLICY = """
            name: scenario-codedeploy
            driver: codedeploy
            preflight:
              topics: [job.support.reply]
              workflow: {id: wf-support, environment: staging, input: {ticket: T-1}}
            rollout_gates:
              min_data_points_per_metric: 30
              metric_interval_hours: 0.25
            stages:
              - {name: shadow, type: shadow, duration: 30m}
              - {name: canary, type: canary, weight: 10, duration: 60m}
              - {name: full, type: full, duration: 60m}
            """;

    final DynamoDbClient dynamo;
    final CordumStandIn cordum;
    final StateStores stores;
    final LocalRollgate rollgate;
    final ScenarioTraffic traffic;
    /** The deployment guard on the idempotency table the codedeploy driver and the hooks share. */
    final DynamoDbDeploymentGuard guard;
    /** The CodeDeploy SDK client the real driver and reporter call, answered by the local stand-ins. */
    private LocalCodeDeployClient codeDeployClient;

    ScenarioFixture(AwsEndpoint aws, StandInConfig cordumConfig) {
        this(aws, cordumConfig, java.util.function.UnaryOperator.identity());
    }

    /**
     * Both drivers: {@code alias} on the local agent alias, {@code codedeploy} as the real
     * {@link CodeDeployTrafficDriver}, {@link CodeDeployHookReporter} and {@link DynamoDbDeploymentGuard} (on moto)
     * over SDK clients bound to the local CodeDeploy and alias stand-ins.
     */
    ScenarioFixture(AwsEndpoint aws, StandInConfig cordumConfig,
                    java.util.function.UnaryOperator<dev.rollgate.core.workflow.TrafficControl> trafficDecorator) {
        this.dynamo = aws.dynamoDb();
        TableNames tables = TableNames.withPrefix("sc-" + UUID.randomUUID().toString().substring(0, 8)
                .toLowerCase(Locale.ROOT) + "-");
        StateTables.createAll(dynamo, tables);
        this.stores = DynamoDbStateStores.create(dynamo, tables);
        this.guard = new DynamoDbDeploymentGuard(dynamo, tables.idempotency(), Clock.systemUTC(), Duration.ofDays(60));
        this.cordum = CordumStandIn.startOnLoopback(cordumConfig);
        CodeDeployWiring codeDeploy = new CodeDeployWiring(
                deploys -> new CodeDeployTrafficDriver(codeDeployClient(deploys), new LocalLambdaAliasClient(deploys),
                        guard),
                deploys -> new CodeDeployHookReporter(codeDeployClient(deploys)), guard);
        this.rollgate = LocalRollgate.create(stores, preflight(cordum.baseUri()),
                Instant.parse("2026-11-27T09:00:00Z"), IdSource.sequential(), trafficDecorator, codeDeploy);
        this.traffic = new ScenarioTraffic(rollgate);
    }

    private synchronized LocalCodeDeployClient codeDeployClient(LocalCodeDeploys deploys) {
        if (codeDeployClient == null) {
            codeDeployClient = new LocalCodeDeployClient(deploys);
        }
        return codeDeployClient;
    }

    /** How often the codedeploy driver called CreateDeployment (a deduplicated retry does not call it). */
    int createDeploymentCalls() {
        return codeDeployClient == null ? 0 : codeDeployClient.createDeploymentCalls();
    }

    static PreflightCheck preflight(URI cordumUri) {
        HttpCordumClient client = new HttpCordumClient(CordumClientConfig.defaults(cordumUri)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(40)), () -> ApiKey.of(ADMIN_KEY));
        return new GatePreflightCheck(new PreflightGate(client, client, event -> { }, Clock.systemUTC()));
    }

    String start(String key, String policyYaml, ScenarioTraffic.Behaviour behaviour) {
        StartRolloutOutcome outcome = rollgate.starts().start(new StartRolloutRequest(TENANT, "support-agent-" + key,
                "v2", "v1", "alice", null, policyYaml, key), rollgate.now());
        if (!(outcome instanceof StartRolloutOutcome.Started started)) {
            throw new AssertionError("rollout did not start: " + outcome);
        }
        traffic.follow(started.rolloutId(), TENANT, behaviour, key.hashCode());
        return started.rolloutId();
    }

    @Override
    public void close() {
        cordum.close();
    }
}
