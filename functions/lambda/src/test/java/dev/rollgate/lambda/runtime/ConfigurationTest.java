package dev.rollgate.lambda.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration from environment variables: named errors, never defaults. */
class ConfigurationTest {
    @Test
    void aMisspelledRollgateVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new Configuration(Map.of("ROLLGATE_TENNANT", "acme")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ROLLGATE_TENNANT");
    }

    @Test
    void aMissingVariableIsNamedWhenItIsFirstNeeded() {
        Configuration config = new Configuration(Map.of("PATH", "/usr/bin"));

        assertThatThrownBy(() -> config.require(Configuration.TENANT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("environment variable ROLLGATE_TENANT is not set");
    }

    @Test
    void theStartFunctionNeedsTheStateMachineArnOnlyWhenItStartsSomething() {
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of("ROLLGATE_TENANT", "acme"));

        assertThat(ports.tenant()).isEqualTo("acme");
        assertThatThrownBy(ports::workflowExecutions).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ROLLGATE_STATE_MACHINE_ARN");
    }

    @Test
    void theStoresNameEveryMissingTableVariable() {
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of());

        assertThatThrownBy(ports::stores).hasMessageContaining("ROLLGATE_ROLLOUTS_TABLE")
                .hasMessageContaining("ROLLGATE_POLICIES_TABLE");
    }

    @Test
    void theDeploymentGuardNamesAMissingTableVariable() {
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of());

        assertThatThrownBy(ports::deploymentGuard).hasMessageContaining("ROLLGATE_IDEMPOTENCY_TABLE");
    }

    @Test
    void thePreflightGateNamesAMissingCordumUrl() {
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of());

        assertThatThrownBy(ports::preflightCheck).hasMessageContaining("CORDUM_URL");
    }

    @Test
    void theRetryableErrorHasTheNameTheStateMachineRetries() {
        assertThat(Rollgate.Retryable.class.getName()).isEqualTo("Rollgate.Retryable");
    }
}
