package dev.rollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void printsOneLinePerFileInArgumentOrderWithTheDecidingWindow() throws Exception {
        Path healthy = JudgeCommandTest.windows(dir, Scenario.HEALTHY, 1, 180);
        Path errors = JudgeCommandTest.windows(dir, Scenario.ERROR_RATE_DOUBLED, 1, 180);
        Path low = JudgeCommandTest.windows(dir, Scenario.LOW_TRAFFIC, 1, 180);

        CliRun run = CliRun.of("replay", "--policy", JudgeCommandTest.policy("judge-canary.yaml").toString(),
                "--windows", healthy.toString(), errors.toString(), low.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> out = lines(run.out());
        assertThat(out).extracting(n -> n.get("file").asText())
                .containsExactly(healthy.toString(), errors.toString(), low.toString());
        assertThat(out).extracting(n -> n.get("decision").asText()).containsExactly("PROMOTE", "ROLLBACK", "HOLD");
        assertThat(out.get(0).get("decidedAt").asText()).isEqualTo("2026-11-27T12:59:00Z");
        assertThat(out.get(0).get("score").asDouble()).isEqualTo(100.0);
        Instant rolledBackAt = Instant.parse(out.get(1).get("decidedAt").asText());
        assertThat(Duration.between(JudgeCommandTest.START, rolledBackAt)).isLessThan(Duration.ofMinutes(30));
        assertThat(out.get(1).get("reasons").get(0).asText()).isEqualTo("TRIGGER_ERROR_RATE_RATIO");
        assertThat(out.get(2).get("reasons").toString()).contains("INSUFFICIENT_DATA");
    }

    @Test
    void traceAddsEveryEvaluationBeforeTheResult() throws Exception {
        Path file = JudgeCommandTest.windows(dir, Scenario.HEALTHY, 2, 70);

        CliRun run = CliRun.of("replay", "--trace", "--policy",
                JudgeCommandTest.policy("judge-canary.yaml").toString(), "--windows", file.toString());

        List<JsonNode> out = lines(run.out());
        assertThat(out).hasSize(71);
        assertThat(out.subList(0, 70)).allSatisfy(n -> assertThat(n.has("evaluation")).isTrue());
        assertThat(out.get(59).get("evaluation").get("score").asDouble()).isEqualTo(100.0);
        assertThat(out.get(70).get("decision").asText()).isEqualTo("CONTINUE");
    }

    @Test
    void anInvalidFileIsReportedAndTheOthersStillReplayed() throws Exception {
        Path good = JudgeCommandTest.windows(dir, Scenario.HEALTHY, 3, 10);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"variant\":\"canary\"}\n");

        CliRun run = CliRun.of("replay", "--policy", JudgeCommandTest.policy("judge-canary.yaml").toString(),
                "--windows", bad.toString(), good.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        List<JsonNode> out = lines(run.out());
        assertThat(out.get(0).get("error").asText()).isEqualTo("invalid_input");
        assertThat(out.get(0).get("reasons").get("missing_field").asInt()).isEqualTo(3);
        assertThat(out.get(1).get("decision").asText()).isEqualTo("CONTINUE");
    }

    @Test
    void anUnreadableFileMakesTheRunAnIoError() throws Exception {
        Path good = JudgeCommandTest.windows(dir, Scenario.HEALTHY, 3, 10);

        CliRun run = CliRun.of("replay", "--policy", JudgeCommandTest.policy("judge-canary.yaml").toString(),
                "--windows", good.toString(), dir.resolve("gone.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(lines(run.out())).hasSize(1);
        assertThat(run.err()).contains("gone.jsonl: no such file");
    }

    private Path quality(Scenario scenario, long seed, int minutes) throws Exception {
        Path file = dir.resolve(scenario.name().toLowerCase() + "-quality-" + seed + ".jsonl");
        Files.writeString(file, new WindowWriter().toJsonLines(ScenarioGenerator.generate(
                ScenarioSpec.of(scenario, seed, JudgeCommandTest.START).withMinutes(minutes).withAgentQuality(true))));
        return file;
    }

    @Test
    void customFamiliesAreReplayedAndTheirTriggersAndFailuresNameThem() throws Exception {
        Path healthy = quality(Scenario.HEALTHY, 4, 180);
        Path evalDrop = quality(Scenario.EVAL_SCORE_DROP, 4, 180);
        Path rejections = quality(Scenario.TOOL_CALL_REJECTIONS_RISE, 4, 180);

        CliRun run = CliRun.of("replay", "--trace", "--policy",
                JudgeCommandTest.policy("judge-canary-quality.yaml").toString(), "--windows", healthy.toString(),
                evalDrop.toString(), rejections.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> results = lines(run.out()).stream().filter(n -> n.has("decision")).toList();
        assertThat(results).extracting(n -> n.get("decision").asText())
                .containsExactly("PROMOTE", "ROLLBACK", "ROLLBACK");
        assertThat(results.get(1).get("reasons").get(0).asText()).isEqualTo("TRIGGER_CUSTOM_METRIC_THRESHOLD");
        // rejections at 4x the baseline's rate: the comparative ratio test (alternative 1.25) fires first
        assertThat(results.get(2).get("reasons").get(0).asText()).isEqualTo("TRIGGER_CUSTOM_METRIC_RATIO");
        JsonNode rejectionsEnd = lines(run.out()).stream()
                .filter(n -> n.has("evaluation") && n.get("file").asText().equals(rejections.toString()))
                .reduce((a, b) -> b).orElseThrow().get("evaluation");
        assertThat(rejectionsEnd.get("triggers").toString())
                .contains("tool_call_rejections rate ratio canary/baseline").contains("FIRED");
        List<JsonNode> evalDropTrace = lines(run.out()).stream()
                .filter(n -> n.has("evaluation") && n.get("file").asText().equals(evalDrop.toString())).toList();
        JsonNode last = evalDropTrace.get(evalDropTrace.size() - 1).get("evaluation");
        assertThat(last.get("triggers").toString()).contains("eval_score mean").contains("FIRED");
        assertThat(Duration.between(JudgeCommandTest.START, Instant.parse(results.get(1).get("decidedAt").asText())))
                .isLessThan(Duration.ofMinutes(60));
        JsonNode healthyEnd = lines(run.out()).stream()
                .filter(n -> n.has("evaluation") && n.get("file").asText().equals(healthy.toString()))
                .reduce((a, b) -> b).orElseThrow().get("evaluation");
        assertThat(healthyEnd.get("metrics").toString()).contains("\"metric\":\"eval_score\"")
                .contains("\"metric\":\"tool_call_rejections\"");
    }

    @Test
    void aDeclaredFamilyMissingFromEveryWindowIsNoDataAndNeverPromotes() throws Exception {
        Path file = dir.resolve("no-eval-score.jsonl");
        StringBuilder stripped = new StringBuilder();
        for (String line : new WindowWriter().toJsonLines(ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.HEALTHY, 5, JudgeCommandTest.START).withMinutes(180)
                        .withAgentQuality(true))).split("\n")) {
            ObjectNode window = (ObjectNode) JSON.readTree(line);
            ((ObjectNode) window.get("custom")).remove("eval_score");
            stripped.append(JSON.writeValueAsString(window)).append('\n');
        }
        Files.writeString(file, stripped);

        CliRun run = CliRun.of("judge", "--policy", JudgeCommandTest.policy("judge-canary-quality.yaml").toString(),
                "--windows", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode evaluation = JSON.readTree(run.out()).get("evaluation");
        assertThat(evaluation.get("decision").asText()).isNotEqualTo("PROMOTE").isNotEqualTo("ROLLBACK");
        JsonNode eval = null;
        for (JsonNode m : evaluation.get("metrics")) {
            if (m.get("metric").asText().equals("eval_score")) {
                eval = m;
            }
        }
        assertThat(eval).isNotNull();
        assertThat(eval.get("outcome").asText()).isEqualTo("NO_DATA");
        assertThat(eval.get("canaryPoints").asInt()).isZero();
        assertThat(evaluation.get("reasons").toString()).contains("INSUFFICIENT_DATA");
    }
}
