package dev.rollgate.lambda.bench;

import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.workflow.LifecycleEvents;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StageJudge;
import dev.rollgate.core.workflow.TaskCallbacks;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.core.workflow.WindowDecoder;
import dev.rollgate.core.workflow.WorkflowExecutions;
import dev.rollgate.lambda.runtime.AwsRolloutPorts;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InMemoryRolloutPorts;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.MutableClock;
import dev.rollgate.lambda.runtime.RecordingTelemetry;
import dev.rollgate.lambda.runtime.RolloutPorts;
import dev.rollgate.lambda.start.StartRolloutHandler;
import dev.rollgate.lambda.workflow.PreflightHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;

/**
 * Seeds moto for {@code infra/bench-coldstart.sh}: the state tables, and rollouts in their shadow stage (the first
 * observed stage of the default plan, after a passed preflight) with three hours of per-minute baseline and shadow
 * windows behind them, so that the benchmarked Evaluate invocation does what it does in production (reads the
 * rollout, its policy and 2 x 180 windows, judges, writes the decision). The rollouts are started and preflighted
 * through the real use cases over DynamoDB and the windows written straight to the window store (the benchmark's
 * ingest samples take the full path); only preflight is faked. Writes one line per rollout
 * ({@code rolloutId stageIndex}) and, per rollout, two shadow windows after the seeded ones as ingest event details
 * (JSON), to the output directory.
 *
 * <p>Usage (environment as the functions have it, AWS_ENDPOINT_URL pointing at moto):
 * {@code ColdStartSeed <rollouts> <output dir>}
 */
public final class ColdStartSeed {
    private static final int STAGE_MINUTES = 180;

    private ColdStartSeed() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        AwsRolloutPorts aws = AwsRolloutPorts.fromEnvironment(System.getenv());
        StateTables.createAll(aws.clients().dynamo(), TableNames.fromEnvironment(System.getenv()));
        SeedPorts ports = new SeedPorts(aws, new InMemoryRolloutPorts());
        LambdaComponents components = new LambdaComponents(ports);
        // Every rollout enters its shadow stage 3 h 10 min ago (virtual time); its windows end ten minutes ago.
        MutableClock clock = new MutableClock(
                Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3 * 60 + 10)));
        RecordingTelemetry telemetry = new RecordingTelemetry();
        StartRolloutHandler start = new StartRolloutHandler(() -> components, clock, telemetry);
        PreflightHandler preflight = new PreflightHandler(() -> components, clock, telemetry);
        WindowWriter writer = new WindowWriter();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "coldstart-" + System.nanoTime() + "-" + i;
            Map<String, Object> started = start.handleRequest(HandlerFixture.startRequest(key), null);
            String rolloutId = (String) started.get("rolloutId");
            Map<String, Object> step = preflight.handleRequest(map("rolloutId", rolloutId), null);
            require("OBSERVE".equals(step.get("next")), "the shadow stage observes after preflight, got " + step);
            Instant stageStart = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            List<MetricWindow> windows = ScenarioGenerator.generate(new ScenarioSpec(Scenario.HEALTHY, 1000 + i,
                    stageStart, STAGE_MINUTES + 2, ScenarioSpec.DEFAULT_REQUESTS_PER_MINUTE,
                    ScenarioSpec.DEFAULT_REQUESTS_PER_MINUTE, 0, Variant.SHADOW, false));
            int minute = 0;
            for (MetricWindow w : windows) {
                MetricWindow window = routed(w, rolloutId);
                if (w.windowStart().isBefore(stageStart.plus(Duration.ofMinutes(STAGE_MINUTES)))) {
                    // Straight into the store (one write each; the benchmark's ingest samples take the full path),
                    // each window when it closes.
                    ports.stores().windows().put(rolloutId, window, w.windowStart().plusSeconds(w.windowSeconds()));
                } else if (w.variant() == Variant.SHADOW) {
                    Files.writeString(out.resolve(rolloutId + "-window-" + minute++ + ".json"), writer.toJson(window));
                }
            }
            lines.add(rolloutId + " " + step.get("stageIndex"));
            System.err.println("seeded " + rolloutId + " at stage " + step.get("stageIndex") + " (" + step.get("next")
                    + ")");
        }
        Files.write(out.resolve("rollouts.txt"), lines);
    }

    private static MetricWindow routed(MetricWindow w, String rolloutId) {
        return new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests(), w.errors(),
                w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(),
                w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), w.custom(),
                new WindowRouting(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.of(rolloutId)));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("seeding failed: expected " + what);
        }
    }

    /** DynamoDB state and the real window decoder; preflight, traffic, workflow and the seeding judge faked. */
    private record SeedPorts(AwsRolloutPorts aws, InMemoryRolloutPorts fakes) implements RolloutPorts {
        @Override
        public StateStores stores() {
            return aws.stores();
        }

        @Override
        public LifecycleEvents lifecycleEvents() {
            return fakes.lifecycleEvents();
        }

        @Override
        public TaskCallbacks taskCallbacks() {
            return fakes.taskCallbacks();
        }

        @Override
        public WorkflowExecutions workflowExecutions() {
            return fakes.workflowExecutions();
        }

        @Override
        public PreflightCheck preflightCheck() {
            return fakes.preflightCheck();
        }

        @Override
        public TrafficControl trafficControl() {
            return fakes.trafficControl();
        }

        @Override
        public StageJudge stageJudge() {
            return fakes.stageJudge();
        }

        @Override
        public WindowDecoder windowDecoder() {
            return aws.windowDecoder();
        }

        @Override
        public DeploymentGuard deploymentGuard() {
            return fakes.deploymentGuard();
        }

        @Override
        public LifecycleHookReporter hookReporter() {
            return fakes.hookReporter();
        }

        @Override
        public String tenant() {
            return InMemoryRolloutPorts.TENANT;
        }
    }
}
