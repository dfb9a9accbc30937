package dev.rollgate.lambda.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming builds every SDK client the handlers use, without a request or credentials. */
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
    void inMemoryComponentsHaveNoClientsToPrime() {
        assertThat(new LambdaComponents(new InMemoryRolloutPorts()).awsClients()).isEmpty();
    }
}
