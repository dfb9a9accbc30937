package dev.rollgate.cli.bench;

import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {
    @Test
    void theNotesStateTheAlphaSplitTheJudgeUsesForThePolicy() throws Exception {
        RolloutPolicy quality = policy("valid/judge-canary-quality.yaml");
        RolloutPolicy plain = policy("valid/judge-canary.yaml");

        // Canary: error ratio, deny rate, two thresholds and one ratio test on custom families; full: the two
        // thresholds (ratio tests need a baseline).
        assertThat(BenchReport.notes(quality, quality.stages().get(0)))
                .contains("each runs at 0.01/7 = 0.0014").contains("shared by 7 tests")
                .doesNotContain("{alpha", "{tests}");
        assertThat(BenchReport.notes(plain, plain.stages().get(0))).contains("each runs at 0.01/2 = 0.0050");
    }

    private static RolloutPolicy policy(String name) throws Exception {
        String yaml = Files.readString(Path.of("src/test/resources/policies", name));
        return ((PolicyParseResult.Valid) PolicyParser.parse(yaml)).policy();
    }
}
