package dev.rollgate.lambda.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsRolloutPortsTest {
    @Test
    void theEventBridgeClientWaitsForTheFirstEvent() {
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of(Configuration.EVENT_BUS, "rollgate"));

        assertThat(ports.lifecycleEvents()).isNotNull();

        assertThat(ports.clients().usedServices()).doesNotContain("events");
    }

    @Test
    void aMissingEventBusIsStillNamedWhenTheUseCaseIsBuilt() {
        AwsRolloutPorts ports = AwsRolloutPorts.fromEnvironment(Map.of());

        assertThatThrownBy(ports::lifecycleEvents).hasMessageContaining(Configuration.EVENT_BUS);
    }
}
