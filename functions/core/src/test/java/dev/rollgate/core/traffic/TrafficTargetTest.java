package dev.rollgate.core.traffic;

import dev.rollgate.core.policy.TrafficDriverKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficTargetTest {

    @Test
    void codeDeployTargetWithoutItsSettingsIsRejectedWithTheFieldName() {
        assertThatThrownBy(() -> new TrafficTarget("r1", 1, "agent", "live", "1", "2", TrafficDriverKind.CODEDEPLOY,
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codeDeploy");
    }

    @Test
    void canaryOutsideTimeBasedCanaryLimitsIsRejected() {
        assertThatThrownBy(() -> new CodeDeployCanary("app", "group", 1, 100, 10, "before", "after"))
                .hasMessageContaining("canaryPercentage must be 1..99");
        assertThatThrownBy(() -> new CodeDeployCanary("app", "group", 1, 10, 2881, "before", "after"))
                .hasMessageContaining("intervalMinutes must be 1..2880");
    }

    @Test
    void sameBaselineAndCandidateIsRejected() {
        assertThatThrownBy(() -> TrafficTarget.alias("r1", "agent", "live", "3", "3"))
                .hasMessageContaining("candidateVersion equals baselineVersion");
    }

    @Test
    void deploymentConfigNameCarriesPercentageAndInterval() {
        assertThat(new CodeDeployCanary("app", "group", 1, 10, 30, "before", "after").deploymentConfigName())
                .isEqualTo("rollgate-Canary10Percent30Minutes");
    }
}
