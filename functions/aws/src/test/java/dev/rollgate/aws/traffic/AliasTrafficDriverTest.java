package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriverFailureException;
import dev.rollgate.core.traffic.TrafficTarget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.rollgate.aws.traffic.FakeLambdaAliases.GET_ALIAS;
import static dev.rollgate.aws.traffic.FakeLambdaAliases.UPDATE_ALIAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AliasTrafficDriverTest {
    private final FakeLambdaAliases lambdaApi = new FakeLambdaAliases("1");
    private final RecordedHttpClient http = new RecordedHttpClient(lambdaApi);
    private final AliasTrafficDriver driver = new AliasTrafficDriver(FakeSdkClients.lambda(http));
    private final TrafficTarget target = TrafficTargetsFixture.aliasTarget();

    @Test
    void shiftSetsTheCandidateWeightAsARoutingFractionConditionalOnTheRevisionRead() {
        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Shifted(10));

        assertThat(lambdaApi.version()).isEqualTo("1");
        assertThat(lambdaApi.weights()).isEqualTo(Map.of("2", 0.1));
        RecordedHttpClient.Exchange update = http.exchanges().get(1);
        assertThat(update.operation()).isEqualTo(UPDATE_ALIAS);
        assertThat(update.body()).contains("\"RevisionId\":\"rev-1\"").contains("\"FunctionVersion\":\"1\"");
        assertThat(driver.currentWeight(target)).isEqualTo(10);
    }

    @Test
    void theSameWeightTwiceMakesOneUpdateAliasCall() {
        driver.shift(target, 1, 10);

        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));

        assertThat(http.count(UPDATE_ALIAS)).isEqualTo(1);
        assertThat(http.operations()).containsExactly(GET_ALIAS, UPDATE_ALIAS, GET_ALIAS);
    }

    @Test
    void restoreBaselineClearsTheRoutingConfigAndIsIdempotent() {
        driver.shift(target, 1, 50);

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(http.exchanges().get(3).body()).contains("\"AdditionalVersionWeights\":{}");
        assertThat(lambdaApi.weights()).isEmpty();
        assertThat(lambdaApi.version()).isEqualTo("1");

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Unchanged(0));
        assertThat(http.count(UPDATE_ALIAS)).isEqualTo(2);
    }

    @Test
    void promoteLeavesAnUnweightedAliasOnTheCandidate() {
        driver.shift(target, 1, 50);

        assertThat(driver.promote(target)).isEqualTo(new ShiftOutcome.Shifted(100));

        assertThat(lambdaApi.version()).isEqualTo("2");
        assertThat(lambdaApi.weights()).isEmpty();
        assertThat(driver.currentWeight(target)).isEqualTo(100);
    }

    @Test
    void aConcurrentChangeBetweenReadAndWriteIsReplannedFromAFreshRead() {
        lambdaApi.concurrentUpdateBeforeNextWrites(1);

        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Shifted(10));

        assertThat(http.operations()).containsExactly(GET_ALIAS, UPDATE_ALIAS, GET_ALIAS, UPDATE_ALIAS);
        assertThat(lambdaApi.weights()).isEqualTo(Map.of("2", 0.1));
    }

    @Test
    void anAliasThatKeepsChangingIsATechnicalFailure() {
        lambdaApi.concurrentUpdateBeforeNextWrites(5);

        assertThatThrownBy(() -> driver.shift(target, 1, 10)).isInstanceOf(TrafficDriverFailureException.class)
                .hasMessageContaining("kept changing");
    }

    @Test
    void anAliasMovedToAThirdVersionIsNotShiftedButIsRestored() {
        lambdaApi.routeElsewhere("7", Map.of("8", 0.2));

        assertThat(driver.shift(target, 1, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.ALIAS_MOVED_ELSEWHERE));
        assertThat(http.count(UPDATE_ALIAS)).isZero();

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(lambdaApi.version()).isEqualTo("1");
        assertThat(lambdaApi.weights()).isEmpty();
    }

    @Test
    void aServiceErrorBecomesATechnicalFailureWithItsCause() {
        RecordedHttpClient failing = new RecordedHttpClient(
                e -> RecordedHttpClient.Reply.error(404, "ResourceNotFoundException", "Function not found"));
        AliasTrafficDriver broken = new AliasTrafficDriver(FakeSdkClients.lambda(failing));

        assertThatThrownBy(() -> broken.shift(target, 1, 10)).isInstanceOf(TrafficDriverFailureException.class)
                .hasMessageContaining("alias live of function agent")
                .hasCauseInstanceOf(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class);
    }
}
