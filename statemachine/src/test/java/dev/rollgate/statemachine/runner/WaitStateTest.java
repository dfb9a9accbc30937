package dev.rollgate.statemachine.runner;

import static dev.rollgate.statemachine.runner.AslFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitStateTest {
    private final WorkflowRunner runner = AslFixture.runner("wait.asl.json");

    @Test
    void waitsPassOnlyWhenTheVirtualClockIsMovedPastThem() {
        Execution execution = runner.start("wait-1", "{\"delaySeconds\": 90, \"until\": \"2026-01-01T01:00:00Z\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(execution.currentState()).contains("Fixed");
        assertThat(execution.nextWakeUp()).contains(T0.plusSeconds(30));

        runner.advanceBy(Duration.ofSeconds(29));
        assertThat(execution.currentState()).contains("Fixed");
        runner.advanceBy(Duration.ofSeconds(1));
        assertThat(execution.currentState()).contains("FromInput");
        assertThat(execution.nextWakeUp()).contains(T0.plusSeconds(120));

        runner.advanceTo(Instant.parse("2026-01-01T01:59:59Z"));
        assertThat(execution.currentState()).contains("UntilFixedTime");
        runner.advanceBy(Duration.ofSeconds(1));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).contains(AslFixture.json("90"));
        assertThat(execution.history(ExecutionEventType.WAIT_STARTED))
                .extracting(event -> event.details().get("until").asText())
                .containsExactly("2026-01-01T00:00:30.000Z", "2026-01-01T00:02:00.000Z", "2026-01-01T01:00:00.000Z",
                        "2026-01-01T02:00:00.000Z");
    }

    @Test
    void aTimestampAlreadyPastDoesNotWait() {
        Execution execution = runner.start("wait-2", "{\"delaySeconds\": 0, \"until\": \"2025-12-31T00:00:00Z\"}");

        assertThat(runner.runUntilSettled(execution, Duration.ofHours(3))).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.stopTime()).contains(Instant.parse("2026-01-01T02:00:00Z"));
    }

    @Test
    void aNegativeSecondsPathIsAStatesRuntimeError() {
        Execution execution = runner.start("wait-3", "{\"delaySeconds\": -1, \"until\": \"2026-01-01T01:00:00Z\"}");
        runner.advanceBy(Duration.ofSeconds(30));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow().cause()).contains("state 'FromInput'").contains("SecondsPath");
    }
}
