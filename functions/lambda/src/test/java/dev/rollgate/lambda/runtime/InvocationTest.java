package dev.rollgate.lambda.runtime;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The frame around handler calls, with a real invocation context (Powertools' functional logging API). */
class InvocationTest {
    private final RecordingTelemetry telemetry = new RecordingTelemetry();

    @Test
    void runsTheBodyInsideThePowertoolsLoggingContextWithTheRolloutIdInMdc() {
        Map<String, Object> out = Invocation.run("preflight", new LambdaContextFixture(), telemetry, () -> {
            Invocation.rollout("r-123");
            assertThat(MDC.get(Invocation.ROLLOUT_ID_KEY)).isEqualTo("r-123");
            return new Invocation.Result(Map.of("next", "OBSERVE"), "OBSERVE");
        });

        assertThat(out).containsEntry("next", "OBSERVE");
        assertThat(telemetry.invocations).containsExactly("preflight=OBSERVE");
        assertThat(MDC.get(Invocation.ROLLOUT_ID_KEY)).as("cleared after the call").isNull();
    }

    @Test
    void aContendedRolloutBecomesTheRetryableErrorAndIsCountedAsError() {
        assertThatThrownBy(() -> Invocation.run("evaluate", new LambdaContextFixture(), telemetry, () -> {
            throw new dev.rollgate.core.workflow.ContentionException("r-9", 6);
        })).isInstanceOf(Rollgate.Retryable.class).hasMessageContaining("r-9");
        assertThat(telemetry.invocations).containsExactly("evaluate=ERROR");
    }

    @Test
    void trafficThatHasNotSettledYetBecomesTheRetryableError() {
        assertThatThrownBy(() -> Invocation.run("shift-traffic", null, telemetry, () -> {
            throw new dev.rollgate.core.workflow.TrafficNotSettledException("r-7", "claim_without_deployment");
        })).isInstanceOf(Rollgate.Retryable.class).hasMessageContaining("r-7")
                .hasCauseInstanceOf(dev.rollgate.core.workflow.TrafficNotSettledException.class);
    }

    @Test
    void otherFailuresKeepTheirTypeSoTheWorkflowCatchesThem() {
        assertThatThrownBy(() -> Invocation.run("roll-back", null, telemetry, () -> {
            throw new IllegalStateException("alias is weighted by someone else");
        })).isExactlyInstanceOf(IllegalStateException.class);
    }
}
