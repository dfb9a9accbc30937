package dev.rollgate.aws.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.traffic.DeploymentClaim;
import dev.rollgate.core.traffic.InMemoryDeploymentGuard;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.rollgate.aws.traffic.FakeLambdaAliases.UPDATE_ALIAS;
import static dev.rollgate.aws.traffic.TrafficTargetsFixture.CANARY_STAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** The CodeDeploy driver against recorded fakes of the CodeDeploy and Lambda wire APIs (no network). */
class CodeDeployTrafficDriverTest {
    private final FakeCodeDeploy codeDeployApi = new FakeCodeDeploy();
    private final RecordedHttpClient codeDeployHttp = new RecordedHttpClient(codeDeployApi);
    private final FakeLambdaAliases lambdaApi = new FakeLambdaAliases("1");
    private final RecordedHttpClient lambdaHttp = new RecordedHttpClient(lambdaApi);
    private final InMemoryDeploymentGuard guard = new InMemoryDeploymentGuard();
    private final CodeDeployTrafficDriver driver = new CodeDeployTrafficDriver(
            FakeSdkClients.codeDeploy(codeDeployHttp), FakeSdkClients.lambda(lambdaHttp), guard);
    private final TrafficTarget target = TrafficTargetsFixture.codeDeployTarget("rollout-1");

    @Test
    void theCanaryShiftStartsOneDeploymentWithACustomTimeBasedCanaryConfig() throws Exception {
        assertThat(driver.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Shifted(10));

        JsonNode config = codeDeployApi.config("rollgate-Canary10Percent30Minutes");
        assertThat(config.path("computePlatform").asText()).isEqualTo("Lambda");
        assertThat(config.path("trafficRoutingConfig").path("type").asText()).isEqualTo("TimeBasedCanary");
        assertThat(config.path("trafficRoutingConfig").path("timeBasedCanary").path("canaryPercentage").asInt())
                .isEqualTo(10);
        assertThat(config.path("trafficRoutingConfig").path("timeBasedCanary").path("canaryInterval").asInt())
                .isEqualTo(30);

        String deploymentId = guard.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow();
        JsonNode request = codeDeployApi.deploymentRequest(deploymentId);
        assertThat(request.path("deploymentConfigName").asText()).isEqualTo("rollgate-Canary10Percent30Minutes");
        assertThat(request.path("deploymentGroupName").asText()).isEqualTo("agent-group");
        assertThat(request.path("autoRollbackConfiguration").path("enabled").asBoolean()).isTrue();
        JsonNode appSpec = new ObjectMapper().readTree(
                request.path("revision").path("appSpecContent").path("content").asText());
        JsonNode properties = appSpec.path("Resources").get(0).path("agent").path("Properties");
        assertThat(properties.path("Alias").asText()).isEqualTo("live");
        assertThat(properties.path("CurrentVersion").asText()).isEqualTo("1");
        assertThat(properties.path("TargetVersion").asText()).isEqualTo("2");
        assertThat(appSpec.path("Hooks").toString()).contains("\"BeforeAllowTraffic\":\"rollgate-before-hook\"")
                .contains("\"AfterAllowTraffic\":\"rollgate-after-hook\"");
        // CodeDeploy moves the alias; the driver never does on the way up.
        assertThat(lambdaHttp.count(UPDATE_ALIAS)).isZero();
    }

    @Test
    void aRetriedShiftNeverCreatesASecondDeployment() {
        driver.shift(target, CANARY_STAGE, 10);

        assertThat(driver.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));
        codeDeployApi.setStatus(codeDeployApi.deploymentIds().iterator().next(), "InProgress");
        assertThat(driver.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));

        assertThat(codeDeployHttp.count("CreateDeployment")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesCreateExactlyOneDeployment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ShiftOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> driver.shift(target, CANARY_STAGE, 10));
            }
            List<ShiftOutcome> outcomes = new ArrayList<>();
            for (Future<ShiftOutcome> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }

            assertThat(codeDeployHttp.count("CreateDeployment")).isEqualTo(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ShiftOutcome.Shifted).hasSize(1);
            // A racing retry never mistakes the rollout's own new deployment for a busy group.
            assertThat(outcomes).noneMatch(o -> o instanceof ShiftOutcome.Refused r
                    && r.reason() == RefusalReason.DEPLOYMENT_IN_PROGRESS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExistingConfigWithTheSameSettingsIsReused() {
        codeDeployApi.addDeploymentConfig("rollgate-Canary10Percent30Minutes");

        driver.shift(target, CANARY_STAGE, 10);

        assertThat(codeDeployHttp.count("CreateDeploymentConfig")).isZero();
        assertThat(codeDeployHttp.count("CreateDeployment")).isEqualTo(1);
    }

    @Test
    void noDeploymentStartsWhileTheAliasIsWeighted() {
        lambdaApi.routeElsewhere("1", Map.of("2", 0.2));

        assertThat(driver.shift(target, CANARY_STAGE, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.ALIAS_WEIGHTED));
        assertThat(codeDeployHttp.count("CreateDeployment")).isZero();
        assertThat(guard.claim("rollout-1", 1, CANARY_STAGE)).isInstanceOf(DeploymentClaim.Won.class);
    }

    @Test
    void noSecondDeploymentStartsInABusyGroup() {
        driver.shift(target, CANARY_STAGE, 10);

        ShiftOutcome second = driver.shift(TrafficTargetsFixture.codeDeployTarget("rollout-2"), CANARY_STAGE, 10);

        assertThat(second).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_IN_PROGRESS));
        assertThat(codeDeployHttp.count("CreateDeployment")).isEqualTo(1);
    }

    @Test
    void aDeploymentRefusedOverTheGroupLimitReleasesTheClaimSoARetryCanStart() {
        codeDeployApi.refuseNextDeploymentAsOverLimit();

        assertThat(driver.shift(target, CANARY_STAGE, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_IN_PROGRESS));
        assertThat(driver.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(codeDeployApi.deploymentIds()).hasSize(1);
    }

    @Test
    void aClaimThatRecordedNoDeploymentIsRefusedRatherThanStartingAnother() {
        guard.claim("rollout-1", 1, CANARY_STAGE);

        assertThat(driver.shift(target, CANARY_STAGE, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.CLAIM_WITHOUT_DEPLOYMENT));
        assertThat(codeDeployHttp.count("CreateDeployment")).isZero();
    }

    @Test
    void restoreBaselineStopsWithRollbackAndEndsOnAnUnweightedBaseline() throws Exception {
        driver.shift(target, CANARY_STAGE, 10);
        String deploymentId = guard.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow();
        codeDeployApi.setStatus(deploymentId, "InProgress");
        lambdaApi.routeElsewhere("1", Map.of("2", 0.1)); // CodeDeploy put the canary on the alias

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));

        RecordedHttpClient.Exchange stop = codeDeployHttp.exchanges().stream()
                .filter(e -> e.operation().equals("StopDeployment")).findFirst().orElseThrow();
        JsonNode stopBody = new ObjectMapper().readTree(stop.body());
        assertThat(stopBody.path("deploymentId").asText()).isEqualTo(deploymentId);
        assertThat(stopBody.path("autoRollbackEnabled").asBoolean()).isTrue();
        assertThat(lambdaApi.version()).isEqualTo("1");
        assertThat(lambdaApi.weights()).isEmpty();

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Unchanged(0));
        assertThat(codeDeployHttp.count("StopDeployment")).isEqualTo(1);
    }

    @Test
    void promotionWaitsForTimeBasedCanaryToReach100PercentByItself() {
        assertThat(driver.promote(target)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_DEPLOYMENT));
        driver.shift(target, CANARY_STAGE, 10);
        String deploymentId = guard.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow();
        codeDeployApi.setStatus(deploymentId, "InProgress");
        lambdaApi.routeElsewhere("1", Map.of("2", 0.1));

        assertThat(driver.promote(target)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.AWAITING_CANARY_INTERVAL));

        lambdaApi.routeElsewhere("2", Map.of());
        assertThat(driver.promote(target)).isEqualTo(new ShiftOutcome.Unchanged(100));
        codeDeployApi.setStatus(deploymentId, "Succeeded");
        assertThat(driver.shift(target, 2, 100)).isEqualTo(new ShiftOutcome.Unchanged(100));
        assertThat(lambdaHttp.count(UPDATE_ALIAS)).isZero();
    }

    @Test
    void aFailedDeploymentIsNotPromotedNorRestarted() {
        driver.shift(target, CANARY_STAGE, 10);
        codeDeployApi.setStatus(guard.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow(), "Failed");

        assertThat(driver.promote(target)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED));
        assertThat(driver.shift(target, CANARY_STAGE, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED));
        assertThat(codeDeployHttp.count("CreateDeployment")).isEqualTo(1);
    }

    @Test
    void aRerunStartsItsOwnDeploymentAfterTheStoppedOneWhileARetryOfTheFirstRunStillStartsNone() {
        driver.shift(target, CANARY_STAGE, 10);
        String first = guard.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow();
        codeDeployApi.setStatus(first, "InProgress");
        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(codeDeployApi.status(first)).isEqualTo("Stopped");
        assertThat(driver.shift(target, CANARY_STAGE, 10)).as("a retry within the first run")
                .isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED));

        TrafficTarget rerun = target.inRun(2);
        assertThat(driver.shift(rerun, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(driver.shift(rerun, CANARY_STAGE, 10)).as("a retry within the rerun")
                .isEqualTo(new ShiftOutcome.Unchanged(10));

        String second = guard.deploymentOf("rollout-1", 2, CANARY_STAGE).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(codeDeployHttp.count("CreateDeployment")).isEqualTo(2);
        assertThat(codeDeployApi.deploymentRequest(second).path("description").asText())
                .isEqualTo("rollgate rollout rollout-1 stage 1 run 2");
        codeDeployApi.setStatus(second, "Succeeded");
        assertThat(driver.promote(rerun)).isEqualTo(new ShiftOutcome.Unchanged(100));
    }

    @Test
    void restoreBaselineOfARerunStopsThatRunsDeployment() {
        driver.shift(target, CANARY_STAGE, 10);
        String first = guard.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow();
        codeDeployApi.setStatus(first, "Stopped");
        TrafficTarget rerun = target.inRun(2);
        driver.shift(rerun, CANARY_STAGE, 10);
        String second = guard.deploymentOf("rollout-1", 2, CANARY_STAGE).orElseThrow();
        codeDeployApi.setStatus(second, "InProgress");

        assertThat(driver.restoreBaseline(rerun)).isEqualTo(new ShiftOutcome.Shifted(0));

        assertThat(codeDeployApi.status(second)).isEqualTo("Stopped");
        assertThat(codeDeployHttp.count("StopDeployment")).isEqualTo(1);
    }

    @Test
    void weightsTimeBasedCanaryCannotExpressAreRefusedWithoutCalls() {
        assertThat(driver.shift(target, CANARY_STAGE, 50)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.WEIGHT_NOT_SUPPORTED));
        assertThat(codeDeployHttp.exchanges()).isEmpty();
    }
}
