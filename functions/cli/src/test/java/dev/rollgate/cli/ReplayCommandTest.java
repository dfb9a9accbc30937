package dev.rollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.simulation.Scenario;
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
}
