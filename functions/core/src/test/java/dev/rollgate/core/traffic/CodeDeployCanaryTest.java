package dev.rollgate.core.traffic;

import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeDeployCanaryTest {

    @Test
    void percentageAndIntervalComeFromTheSingleCanaryStage() {
        RolloutPolicy policy = parse("""
                driver: codedeploy
                stages:
                  - name: shadow
                    type: shadow
                    duration: 10m
                  - name: canary
                    type: canary
                    weight: 15
                    duration: 90m
                  - name: full
                    type: full
                """);

        CodeDeployCanary canary = CodeDeployCanary.fromPolicy(policy, "app", "group", "before", "after");

        assertThat(canary.canaryStageIndex()).isEqualTo(1);
        assertThat(canary.canaryPercentage()).isEqualTo(15);
        assertThat(canary.intervalMinutes()).isEqualTo(90);
        assertThat(canary.deploymentConfigName()).isEqualTo("rollgate-Canary15Percent90Minutes");
    }

    @Test
    void aPolicyWithTwoCanaryStagesIsRefusedNamingThem() {
        RolloutPolicy policy = parse("""
                driver: alias
                stages:
                  - name: canary-1
                    type: canary
                    weight: 10
                    duration: 30m
                  - name: canary-2
                    type: canary
                    weight: 50
                    duration: 30m
                  - name: full
                    type: full
                """);

        assertThatThrownBy(() -> CodeDeployCanary.fromPolicy(policy, "app", "group", "before", "after"))
                .hasMessageContaining("canary-1, canary-2")
                .hasMessageContaining("use driver alias");
    }

    private static RolloutPolicy parse(String yaml) {
        PolicyParseResult result = PolicyParser.parse(yaml, "test");
        assertThat(result).isInstanceOf(PolicyParseResult.Valid.class);
        return ((PolicyParseResult.Valid) result).policy();
    }
}
