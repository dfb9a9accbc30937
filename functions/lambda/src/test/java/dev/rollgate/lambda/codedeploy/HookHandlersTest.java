package dev.rollgate.lambda.codedeploy;

import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CodeDeploy BeforeAllowTraffic and AfterAllowTraffic hooks. */
class HookHandlersTest {
    private final HandlerFixture fixture = new HandlerFixture();
    private final BeforeAllowTrafficHookHandler before = new BeforeAllowTrafficHookHandler(
            () -> fixture.components, HandlerFixture.CLOCK, fixture.telemetry);
    private final AfterAllowTrafficHookHandler after = new AfterAllowTrafficHookHandler(
            () -> fixture.components, HandlerFixture.CLOCK, fixture.telemetry);

    @Test
    void reportsAPassingVerdictToCodeDeploy() {
        Map<String, Object> out = before.handleRequest(hookEvent("d-ABC"), null);

        assertThat(fixture.ports.hookReports).containsExactly("d-ABC/hook-1=SUCCEEDED");
        assertThat(out).containsEntry("status", "SUCCEEDED").containsEntry("report", "REPORTED");
    }

    @Test
    void reportsAFailingVerdictToCodeDeploy() {
        fixture.ports.hookVerdict = deployment -> HookStatus.FAILED;

        Map<String, Object> out = after.handleRequest(hookEvent("d-DEF"), null);

        assertThat(fixture.ports.hookReports).containsExactly("d-DEF/hook-1=FAILED");
        assertThat(out).containsEntry("status", "FAILED");
        assertThat(fixture.telemetry.invocations).containsExactly("after-allow-traffic-hook=FAILED");
    }

    @Test
    void failsClosedAtOnceWhenTheVerdictCannotBeReached() {
        fixture.ports.hookVerdict = deployment -> {
            throw new IllegalStateException("Cordum unreachable");
        };

        Map<String, Object> out = before.handleRequest(hookEvent("d-GHI"), null);

        assertThat(fixture.ports.hookReports).containsExactly("d-GHI/hook-1=FAILED");
        assertThat(out).containsEntry("status", "FAILED")
                .hasEntrySatisfying("failure", f -> assertThat((String) f).contains("Cordum unreachable"));
    }

    @Test
    void aRetriedHookFindsItsReportAlreadyCompleted() {
        before.handleRequest(hookEvent("d-JKL"), null);

        Map<String, Object> again = before.handleRequest(hookEvent("d-JKL"), null);

        assertThat(again).containsEntry("report", "ALREADY_COMPLETED");
    }

    @Test
    void anEventWithoutTheHookExecutionIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> before.handleRequest(map("DeploymentId", "d-1"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'LifecycleEventHookExecutionId': required");
        assertThat(fixture.ports.hookReports).isEmpty();
    }

    private static Map<String, Object> hookEvent(String deploymentId) {
        return map("DeploymentId", deploymentId, "LifecycleEventHookExecutionId", "hook-1");
    }
}
