package dev.rollgate.lambda.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Priming builds every SDK client the handlers use and exercises their request path, without the network. */
class SnapStartPrimingTest {
    @Test
    void primingBuildsEveryClientWithoutCallingAws() {
        System.setProperty("aws.region", "us-east-1");
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of());
        LambdaComponents components = new LambdaComponents(ports);

        components.awsClients().ifPresent(SnapStartPriming::prime);

        assertThat(ports.clients().usedServices())
                .containsExactlyInAnyOrder("dynamodb", "events", "states", "lambda", "codedeploy", "ssm");
    }

    @Test
    void primingSendsTheHandlersSdkOperationsThroughTheCannedClientWithoutANetworkCall() {
        // Every operation completes against the canned 200 response; an attempt to reach AWS would fail here
        // (no endpoint is configured and nothing listens), so completing proves it stayed offline.
        assertThatCode(RequestPriming::sdkOperations).doesNotThrowAnyException();
    }

    @Test
    void primingParsesAPolicyAndJudgesSyntheticWindowsWithTheRealJudge() {
        java.util.List<String> decoded = new java.util.ArrayList<>();
        dev.rollgate.core.workflow.WindowDecoder decoder = json -> {
            decoded.add(json);
            return new dev.rollgate.core.workflow.bind.ParserWindowDecoder(
                    new dev.rollgate.core.metrics.WindowParser()).decode(json);
        };
        java.util.concurrent.atomic.AtomicInteger judged = new java.util.concurrent.atomic.AtomicInteger();
        dev.rollgate.core.workflow.StageJudge real = new dev.rollgate.core.workflow.bind.JudgeStageAssessor(
                new dev.rollgate.core.judge.StageEvaluator());
        dev.rollgate.core.workflow.StageJudge judge = (policy, stage, baseline, canary, elapsed) -> {
            judged.incrementAndGet();
            assertThat(baseline).hasSize(180);
            assertThat(canary).hasSize(180);
            return real.assess(policy, stage, baseline, canary, elapsed);
        };

        RequestPriming.judgeAndWindows(decoder, judge);

        assertThat(decoded).hasSize(2);
        assertThat(judged).hasValue(1);
    }

    @Test
    void primingReadsWindowsBackAsStoredItemsThroughTheWindowStore() {
        java.util.List<dev.rollgate.core.metrics.MetricWindow> baseline = dev.rollgate.core.simulation.ScenarioGenerator
                .generate(dev.rollgate.core.simulation.ScenarioSpec.of(dev.rollgate.core.simulation.Scenario.HEALTHY,
                        7, java.time.Instant.parse("2026-03-01T00:00:00.250Z")))
                .stream().filter(w -> w.variant() == dev.rollgate.core.metrics.Variant.BASELINE).toList();

        java.util.List<dev.rollgate.core.metrics.MetricWindow> read = RequestPriming.storedWindows(baseline);

        assertThat(baseline).hasSize(180);
        assertThat(read).hasSize(360);
        assertThat(read.subList(0, 180)).isEqualTo(baseline);
    }

    @Test
    void primingSerialisesAMetricsRecordWithoutEmittingIt() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        String record;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            record = RequestPriming.metricsRecord();
        } finally {
            System.setOut(out);
        }

        assertThat(record).contains("\"Namespace\":\"Rollgate\"").contains("\"Decisions\":1");
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void primingTakesALifecycleDecisionOnAPassingVerdict() {
        dev.rollgate.core.policy.PolicyParseResult parsed = dev.rollgate.core.policy.PolicyParser.parse(
                "rollout_gates:\n  min_data_points_per_metric: 50\n", "priming-test");
        assertThat(parsed).isInstanceOf(dev.rollgate.core.policy.PolicyParseResult.Valid.class);

        assertThat(RequestPriming.lifecycleStep(((dev.rollgate.core.policy.PolicyParseResult.Valid) parsed).policy(),
                java.time.Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
    }

    @Test
    void inMemoryComponentsHaveNoClientsToPrime() {
        assertThat(new LambdaComponents(new InMemoryRolloutPorts()).awsClients()).isEmpty();
    }
}
