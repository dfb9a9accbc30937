package dev.rollgate.lambda.runtime;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
        List<MetricWindow> baseline = ScenarioGenerator
                .generate(ScenarioSpec.of(Scenario.HEALTHY, 7, Instant.parse("2026-03-01T00:00:00.250Z")))
                .stream().filter(w -> w.variant() == Variant.BASELINE).toList();

        List<MetricWindow> read = RequestPriming.storedWindows(baseline);

        assertThat(baseline).hasSize(180);
        assertThat(read).hasSize(360);
        assertThat(read.subList(0, 180)).isEqualTo(baseline);
    }

    @Test
    void primingSerialisesAMetricsRecordWithoutEmittingIt() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String record;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            record = RequestPriming.metricsRecord();
        } finally {
            System.setOut(out);
        }

        assertThat(record).contains("\"Namespace\":\"Rollgate\"").contains("\"Decisions\":1");
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void primingTakesALifecycleDecisionOnAPassingVerdict() {
        PolicyParseResult parsed = PolicyParser.parse("rollout_gates:\n  min_data_points_per_metric: 50\n",
                "priming-test");
        assertThat(parsed).isInstanceOf(PolicyParseResult.Valid.class);

        assertThat(RequestPriming.lifecycleStep(((PolicyParseResult.Valid) parsed).policy(),
                Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
    }

    @Test
    void inMemoryComponentsHaveNoClientsToPrime() {
        assertThat(new LambdaComponents(new InMemoryRolloutPorts()).awsClients()).isEmpty();
    }
}
