package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The alias driver against moto's Lambda: real UpdateAlias calls with a routing config. */
class AliasTrafficDriverIT {
    private static LambdaClient lambda;
    private static String roleArn;

    @BeforeAll
    static void connect() throws Exception {
        lambda = MotoEmulator.lambda();
        roleArn = MotoEmulator.createRole("rollgate-alias-it-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void setsAndClearsTheRoutingWeightsThroughAFullRollout() {
        TrafficTarget target = newAgent();
        AliasTrafficDriver driver = new AliasTrafficDriver(lambda);

        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        GetAliasResponse canary = alias(target);
        assertThat(canary.functionVersion()).isEqualTo("1");
        assertThat(canary.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.1));
        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));

        assertThat(driver.shift(target, 2, 50)).isEqualTo(new ShiftOutcome.Shifted(50));
        assertThat(alias(target).routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.5));
        assertThat(driver.currentWeight(target)).isEqualTo(50);

        assertThat(driver.promote(target)).isEqualTo(new ShiftOutcome.Shifted(100));
        GetAliasResponse promoted = alias(target);
        assertThat(promoted.functionVersion()).isEqualTo("2");
        assertThat(unweighted(promoted)).isTrue();
    }

    @Test
    void restoreBaselineEndsWithAnUnweightedAliasOnTheBaseline() {
        TrafficTarget target = newAgent();
        AliasTrafficDriver driver = new AliasTrafficDriver(lambda);
        driver.shift(target, 1, 25);

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));

        GetAliasResponse restored = alias(target);
        assertThat(restored.functionVersion()).isEqualTo("1");
        assertThat(unweighted(restored)).isTrue();
        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Unchanged(0));
        assertThat(driver.currentWeight(target)).isZero();
    }

    private static TrafficTarget newAgent() {
        String function = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        MotoLambdaFunctions.createAgentWithTwoVersions(lambda, function, "live", roleArn);
        return TrafficTarget.alias("rollout-" + function, function, "live", "1", "2");
    }

    private static GetAliasResponse alias(TrafficTarget target) {
        return lambda.getAlias(r -> r.functionName(target.functionName()).name(target.aliasName()));
    }

    private static boolean unweighted(GetAliasResponse alias) {
        return alias.routingConfig() == null || alias.routingConfig().additionalVersionWeights().isEmpty();
    }
}
