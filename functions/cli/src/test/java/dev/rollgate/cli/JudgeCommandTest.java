package dev.rollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeCommandTest {
    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path policy(String name) throws Exception {
        return Path.of(JudgeCommandTest.class.getResource("/policies/valid/" + name).toURI());
    }

    static Path windows(Path dir, Scenario scenario, long seed, int minutes) throws Exception {
        Path file = dir.resolve(scenario.name().toLowerCase() + "-" + seed + ".jsonl");
        Files.writeString(file, new WindowWriter().toJsonLines(ScenarioGenerator.generate(
                ScenarioSpec.of(scenario, seed, START).withMinutes(minutes))));
        return file;
    }

    @Test
    void judgesAHealthyCanaryOverThreeHoursAsPromote() throws Exception {
        CliRun run = CliRun.of("judge", "--policy", policy("judge-canary.yaml").toString(), "--windows",
                windows(dir, Scenario.HEALTHY, 1, 180).toString());

        assertThat(run.exitCode()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("stage").asText()).isEqualTo("canary");
        assertThat(out.get("windows").asInt()).isEqualTo(360);
        JsonNode evaluation = out.get("evaluation");
        assertThat(evaluation.get("decision").asText()).isEqualTo("PROMOTE");
        assertThat(evaluation.get("score").asDouble()).isEqualTo(100.0);
        assertThat(evaluation.get("elapsed").asText()).isEqualTo("PT3H");
        assertThat(evaluation.get("metrics")).hasSize(5);
        assertThat(evaluation.get("metrics").get(0).get("explanation").asText()).startsWith("error_rate:");
    }

    @Test
    void theDefaultGatesPolicyJudgesItsFirstScoredStage() throws Exception {
        CliRun run = CliRun.of("judge", "--policy", policy("rollout-gates.yaml").toString(), "--windows",
                windows(dir, Scenario.ERROR_RATE_DOUBLED, 2, 60).toString());

        assertThat(run.exitCode()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("stage").asText()).isEqualTo("canary-1");
        assertThat(out.get("evaluation").get("decision").asText()).isEqualTo("ROLLBACK");
        assertThat(out.get("evaluation").get("reasons").get(0).asText()).isEqualTo("TRIGGER_ERROR_RATE_RATIO");
    }

    @Test
    void invalidWindowsExitTwoWithEveryReasonAndNoEvaluation() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"variant\":\"canary\",\"windowStart\":\"2026-11-27T10:00:00Z\",\"windowSeconds\":60,"
                + "\"requests\":10,\"errors\":11,\"latencyMs\":{\"p50\":1,\"p90\":2,\"p99\":3}}\n{oops\n");

        CliRun run = CliRun.of("judge", "--policy", policy("judge-canary.yaml").toString(), "--windows",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("error").asText()).isEqualTo("invalid_input");
        assertThat(out.get("reasons").get("errors_exceed_requests").asInt()).isEqualTo(1);
        assertThat(out.get("rejections").get(1).get("line").asInt()).isEqualTo(2);
        assertThat(out.has("evaluation")).isFalse();
        assertThat(run.err()).contains("bad.jsonl", "line 1, errors");
    }

    @Test
    void aCustomFamilyThePolicyDoesNotDeclareIsInvalidInput() throws Exception {
        Path file = dir.resolve("custom.jsonl");
        Files.writeString(file, new WindowWriter().toJsonLines(ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.HEALTHY, 1, START).withMinutes(2).withAgentQuality(true))));

        CliRun run = CliRun.of("judge", "--policy", policy("judge-canary.yaml").toString(), "--windows",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("reasons").get("undeclared_custom_metric").asInt()).isEqualTo(8);
        assertThat(out.get("rejections").get(0).get("field").asText()).startsWith("custom.");
    }

    @Test
    void anUnknownStageIsInvalidInput() throws Exception {
        CliRun run = CliRun.of("judge", "--policy", policy("judge-canary.yaml").toString(), "--windows",
                windows(dir, Scenario.HEALTHY, 1, 5).toString(), "--stage", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("no stage named 'nope'; stages: canary, full");
    }

    @Test
    void aMissingWindowFileIsAnIoError() throws Exception {
        CliRun run = CliRun.of("judge", "--policy", policy("judge-canary.yaml").toString(), "--windows",
                dir.resolve("missing.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err()).contains("missing.jsonl: no such file");
    }
}
