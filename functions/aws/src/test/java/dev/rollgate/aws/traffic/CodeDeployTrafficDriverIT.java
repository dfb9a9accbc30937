package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.InMemoryDeploymentGuard;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.lambda.LambdaClient;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CodeDeploy driver against moto's CodeDeploy and Lambda. Deployment configs and StopDeployment are
 * not in moto and are answered by {@link MotoCodeDeployGaps}; moto never runs a deployment, so traffic
 * levels are covered by the unit tests and the local stand-in.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.rollgate.aws.testing.AwsEmulatorExtension.class)
class CodeDeployTrafficDriverIT {
    private static LambdaClient lambda;
    private static String roleArn;
    private static String guardTable;
    private final MotoCodeDeployGaps http = new MotoCodeDeployGaps(MotoEmulator.http());
    private final CodeDeployClient codeDeploy = MotoEmulator.codeDeploy(http);

    @BeforeAll
    static void connect(dev.rollgate.aws.testing.AwsEndpoint aws) throws Exception {
        MotoEmulator.use(aws);
        lambda = MotoEmulator.lambda();
        guardTable = "rollgate-idempotency-" + UUID.randomUUID().toString().substring(0, 8);
        MotoEmulator.dynamo().createTable(r -> r.tableName(guardTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        roleArn = MotoEmulator.createRole("rollgate-cd-it-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aRetriedCanaryShiftCreatesOneDeploymentInTheGroup() {
        TrafficTarget target = newAgentInNewGroup("rollout-a");
        DynamoDbDeploymentGuard guard = new DynamoDbDeploymentGuard(MotoEmulator.dynamo(), guardTable,
                Clock.systemUTC(), Duration.ofDays(30));
        CodeDeployTrafficDriver driver = new CodeDeployTrafficDriver(codeDeploy, lambda, guard);

        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));

        List<String> deployments = deploymentsIn(target);
        assertThat(deployments).hasSize(1);
        DeploymentInfo info = codeDeploy.getDeployment(r -> r.deploymentId(deployments.get(0))).deploymentInfo();
        assertThat(info.deploymentConfigName()).isEqualTo("rollgate-Canary10Percent30Minutes");
        assertThat(info.description()).isEqualTo("rollgate rollout rollout-a stage 1");
        assertThat(http.gaps().operations()).contains("CreateDeploymentConfig");
        assertThat(guard.deploymentOf("rollout-a", 1, 1)).contains(deployments.get(0));
    }

    @Test
    void aSecondRolloutIsRefusedWhileTheGroupHasARunningDeployment() {
        TrafficTarget first = newAgentInNewGroup("rollout-b");
        CodeDeployTrafficDriver driver = new CodeDeployTrafficDriver(codeDeploy, lambda, new InMemoryDeploymentGuard());
        driver.shift(first, 1, 10);
        TrafficTarget second = new TrafficTarget("rollout-c", 1, first.functionName(), first.aliasName(), "1", "2",
                first.driver(), first.codeDeploy());

        assertThat(driver.shift(second, 1, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_IN_PROGRESS));
        assertThat(deploymentsIn(first)).hasSize(1);
    }

    @Test
    void noDeploymentStartsOnAWeightedAlias() {
        TrafficTarget target = newAgentInNewGroup("rollout-d");
        lambda.updateAlias(r -> r.functionName(target.functionName()).name("live").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.2))));
        CodeDeployTrafficDriver driver = new CodeDeployTrafficDriver(codeDeploy, lambda, new InMemoryDeploymentGuard());

        assertThat(driver.shift(target, 1, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.ALIAS_WEIGHTED));
        assertThat(deploymentsIn(target)).isEmpty();
    }

    @Test
    void restoreBaselineStopsTheDeploymentAndLeavesTheAliasUnweightedOnTheBaseline() {
        TrafficTarget target = newAgentInNewGroup("rollout-e");
        CodeDeployTrafficDriver driver = new CodeDeployTrafficDriver(codeDeploy, lambda, new InMemoryDeploymentGuard());
        driver.shift(target, 1, 10);
        // What CodeDeploy does once BeforeAllowTraffic passes (moto does not run deployments).
        lambda.updateAlias(r -> r.functionName(target.functionName()).name("live").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.1))));
        assertThat(driver.currentWeight(target)).isEqualTo(10);

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));

        assertThat(http.gaps().operations()).contains("StopDeployment");
        var alias = lambda.getAlias(r -> r.functionName(target.functionName()).name("live"));
        assertThat(alias.functionVersion()).isEqualTo("1");
        assertThat(alias.routingConfig() == null || alias.routingConfig().additionalVersionWeights().isEmpty())
                .isTrue();
    }

    private TrafficTarget newAgentInNewGroup(String rolloutId) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String function = "agent-" + suffix;
        MotoLambdaFunctions.createAgentWithTwoVersions(lambda, function, "live", roleArn);
        String application = "app-" + suffix;
        codeDeploy.createApplication(r -> r.applicationName(application).computePlatform(ComputePlatform.LAMBDA));
        codeDeploy.createDeploymentGroup(r -> r.applicationName(application).deploymentGroupName("group")
                .serviceRoleArn(roleArn));
        return TrafficTarget.codeDeploy(rolloutId, function, "live", "1", "2",
                new CodeDeployCanary(application, "group", 1, 10, 30, "before-hook", "after-hook"));
    }

    private List<String> deploymentsIn(TrafficTarget target) {
        CodeDeployCanary canary = target.requireCodeDeploy();
        return codeDeploy.listDeployments(r -> r.applicationName(canary.applicationName())
                .deploymentGroupName(canary.deploymentGroup())).deployments();
    }
}
