package dev.rollgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyCommandTest {
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\S+) @ (\\d+)");

    @Test
    void rolloutGatesSnippetIsValidWithOneLineSummary() throws Exception {
        CliRun run = CliRun.of("policy", "validate", policy("valid/rollout-gates.yaml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(run.out()).contains("shadow 0% -> canary-1 10% -> canary-2 50% -> full 100%");
    }

    @Test
    void argoSnippetIsValid() throws Exception {
        CliRun run = CliRun.of("policy", "validate", policy("valid/argo-rollout.yaml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void explainShowsArgoCanariesWithTheirPausesThenFull() throws Exception {
        CliRun run = CliRun.of("policy", "explain", policy("valid/argo-rollout.yaml").toString());
        assertThat(run.exitCode()).isZero();
        List<String> stages = run.out().lines().filter(l -> l.matches("^\\d+\\. .*")).toList();
        assertThat(stages).hasSize(4);
        assertThat(stages.get(0)).contains("| canary | 10% | min pause 20m");
        assertThat(stages.get(1)).contains("| canary | 25% | min pause 30m");
        assertThat(stages.get(2)).contains("| canary | 50% | min pause 30m");
        assertThat(stages.get(3)).contains("| full | 100% |");
    }

    @Test
    void explainOfTheGatesBlockShowsItsNumbers() throws Exception {
        CliRun run = CliRun.of("policy", "explain", policy("valid/rollout-gates.yaml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("judge score >= 95 (marginal >= 75) with >= 50 points/metric every 1h")
                .contains("error-rate ratio > 2").contains("policy-deny rate <= 0.03").contains("min 3h");
    }

    @Test
    void explainListsTheCustomMetricTriggersOnTheStagesTheyGuard() throws Exception {
        CliRun run = CliRun.of("policy", "explain", policy("valid/judge-canary-quality.yaml").toString());
        assertThat(run.exitCode()).isZero();
        List<String> stages = run.out().lines().filter(l -> l.matches("^\\d+\\. .*")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("eval_score mean < 0.8", "tool_call_rejections rate > 0.01",
                "tool_call_rejections rate against baseline beyond allowed effect 0.25 (increase)");
        assertThat(stages.get(1)).contains("eval_score mean < 0.8", "tool_call_rejections rate > 0.01")
                .doesNotContain("against baseline");
    }

    @Test
    void missingFileIsAnIoErrorWithExitOne() {
        CliRun run = CliRun.of("policy", "validate", "does/not/exist.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err()).contains("cannot read does/not/exist.yaml: no such file");
    }

    @Test
    void usageMistakeIsInvalidInput() {
        CliRun run = CliRun.of("policy", "validate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenPolicyExitsTwoNamingFieldAndLine() throws Exception {
        Path dir = policy("invalid");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Matcher expect = EXPECT.matcher(Files.readString(file));
            assertThat(expect.find()).as("expect comment in " + file).isTrue();
            CliRun run = CliRun.of("policy", "validate", file.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).as("stderr of " + file.getFileName())
                    .contains("line " + expect.group(2) + ": " + expect.group(1) + ": ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }));
    }

    private static Path policy(String name) throws URISyntaxException, IOException {
        return Path.of(PolicyCommandTest.class.getResource("/policies/" + name).toURI());
    }
}
