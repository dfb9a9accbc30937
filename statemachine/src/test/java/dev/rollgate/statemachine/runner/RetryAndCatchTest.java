package dev.rollgate.statemachine.runner;

import static dev.rollgate.statemachine.runner.AslFixture.T0;
import static dev.rollgate.statemachine.runner.AslFixture.json;
import static dev.rollgate.statemachine.runner.AslFixture.lambdaArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetryAndCatchTest {
    private static final String INPUT = "{\"rollout\": \"r-1\"}";

    private final AtomicReference<WorkflowRunner> runnerRef = new AtomicReference<>();
    private final ScriptedHandler flaky = new ScriptedHandler(() -> runnerRef.get().now());
    private final ScriptedHandler recover = new ScriptedHandler(() -> runnerRef.get().now());
    private final WorkflowRunner runner = runner();

    private WorkflowRunner runner() {
        WorkflowDefinition definition = AslFixture.definition("task-retry-catch.asl.json", Map.of(
                "FlakyFunctionArn", lambdaArn("Flaky"), "RecoverFunctionArn", lambdaArn("Recover")));
        WorkflowRunner created = AslFixture.runner(definition, TaskHandlers.builder()
                .bind(lambdaArn("Flaky"), flaky)
                .bind(lambdaArn("Recover"), recover)
                .build());
        runnerRef.set(created);
        return created;
    }

    @Test
    void serviceErrorsAreRetriedWithExponentialBackoffCappedByMaxDelay() {
        flaky.thenFailTimes(3, "Lambda.ServiceException", "503").thenReturn("{\"value\": 7, \"noise\": true}");

        Execution execution = runner.start("retry-1", INPUT);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(execution.nextWakeUp()).contains(T0.plusSeconds(2));

        assertThat(runner.runUntilSettled(execution, Duration.ofMinutes(5))).isEqualTo(ExecutionStatus.SUCCEEDED);
        // 2 s, then 2 x 3 = 6 s, then 18 s capped at MaxDelaySeconds 10.
        assertThat(flaky.callTimes()).containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(8), T0.plusSeconds(18));
        assertThat(flaky.calls()).extracting(call -> call.input().get("retryCount").asInt()).containsExactly(0, 1, 2, 3);
        assertThat(execution.output()).contains(json("{\"rollout\": \"r-1\", \"flaky\": {\"value\": 7}}"));
        assertThat(execution.history(ExecutionEventType.TASK_RETRY_SCHEDULED))
                .extracting(event -> event.details().get("delayMillis").asLong())
                .containsExactly(2000L, 6000L, 10000L);
    }

    @Test
    void exhaustedRetriesGoToTheCatcherWithTheErrorAtItsResultPath() {
        flaky.thenFailTimes(5, "Lambda.TooManyRequestsException", "throttled");
        recover.thenReturn("{\"restored\": true}");

        Execution execution = runner.start("retry-2", INPUT);
        runner.runUntilSettled(execution, Duration.ofMinutes(5));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(flaky.calls()).hasSize(5);
        assertThat(recover.calls()).singleElement().satisfies(call -> assertThat(call.input()).isEqualTo(json("""
                {"rollout": "r-1", "failure": {"Error": "Lambda.TooManyRequestsException", "Cause": "throttled"}}""")));
        assertThat(execution.statesEntered()).containsExactly("CallFlaky", "Recover", "RolledBack");
        assertThat(execution.output().orElseThrow().get("recovered")).isEqualTo(json("{\"restored\": true}"));
        assertThat(execution.history(ExecutionEventType.ERROR_CAUGHT)).singleElement()
                .satisfies(event -> assertThat(event.details().get("next").asText()).isEqualTo("Recover"));
    }

    @Test
    void theFirstMatchingRetrierDecidesEvenWhenALaterOneWouldAlsoMatch() {
        // Lambda.ServiceException also matches States.TaskFailed, but only the first retrier's budget counts.
        flaky.thenFailTimes(5, "Lambda.ServiceException", "503");
        recover.thenReturn("{}");

        runner.runUntilSettled(runner.start("retry-3", INPUT), Duration.ofMinutes(5));

        assertThat(flaky.calls()).hasSize(5);
    }

    @Test
    void aCustomErrorIsRetriedByStatesTaskFailedAndCaughtByItsOwnName() {
        flaky.thenFailTimes(2, "Custom.Fatal", "bad input");
        recover.thenReturn("{}");

        Execution execution = runner.start("retry-4", INPUT);
        runner.runUntilSettled(execution, Duration.ofMinutes(5));

        assertThat(flaky.callTimes()).containsExactly(T0, T0.plusSeconds(1));
        assertThat(execution.history(ExecutionEventType.ERROR_CAUGHT)).singleElement()
                .satisfies(event -> assertThat(event.details().get("Error").asText()).isEqualTo("Custom.Fatal"));
    }

    @Test
    void anUnexpectedHandlerExceptionIsATaskFailureNamedAfterItsType() {
        flaky.thenThrow(new IllegalStateException("boom")).thenThrow(new IllegalStateException("boom again"));
        recover.thenReturn("{}");

        Execution execution = runner.start("retry-5", INPUT);
        runner.runUntilSettled(execution, Duration.ofMinutes(5));

        assertThat(recover.calls().get(0).input().get("failure")).isEqualTo(json(
                "{\"Error\": \"java.lang.IllegalStateException\", \"Cause\": \"boom again\"}"));
    }

    @Test
    void aTaskFailureWithoutRetryOrCatchFailsTheExecution() {
        ScriptedHandler plain = new ScriptedHandler(() -> AslFixture.T0).thenFail("Rollgate.CordumDown", "no answer");
        WorkflowRunner plainRunner = AslFixture.runner(AslFixture.definition("task-no-catch.asl.json"),
                TaskHandlers.builder().bind(lambdaArn("Plain"), plain).build());

        Execution execution = plainRunner.start("plain-1", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains(new ExecutionError("Rollgate.CordumDown", "no answer"));
        assertThat(execution.history(ExecutionEventType.TASK_FAILED)).hasSize(1);
    }

    @Test
    void aStatesRuntimeErrorIsNeitherRetriedNorCaughtByStatesAll() {
        flaky.thenReturn("{\"noValueField\": 1}");

        Execution execution = runner.start("retry-6", INPUT);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow().error()).isEqualTo("States.Runtime");
        assertThat(execution.error().orElseThrow().cause()).contains("state 'CallFlaky' ResultSelector");
        assertThat(flaky.calls()).hasSize(1);
        assertThat(recover.calls()).isEmpty();
    }

    @Test
    void theLambdaInvokeIntegrationPassesThePayloadAndWrapsTheResult() {
        String definition = """
                {"StartAt": "Invoke", "States": {"Invoke": {
                  "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "${Fn}", "Payload": {"rollout.$": "$.rollout"}},
                  "ResultSelector": {"body.$": "$.Payload", "status.$": "$.StatusCode"},
                  "End": true}}}""";
        ScriptedHandler function = new ScriptedHandler(() -> T0).thenReturn("{\"weight\": 10}");
        WorkflowRunner invokeRunner = AslFixture.runner(
                WorkflowDefinition.parse(definition, Map.of("Fn", lambdaArn("Shift") + ":live")),
                TaskHandlers.builder().bind(lambdaArn("Shift") + ":live", function).build());

        Execution execution = invokeRunner.start("invoke-1", INPUT);

        assertThat(function.calls()).singleElement()
                .satisfies(call -> assertThat(call.input()).isEqualTo(json("{\"rollout\": \"r-1\"}")));
        assertThat(execution.output()).contains(json("{\"body\": {\"weight\": 10}, \"status\": 200}"));
    }

    @Test
    void aResultPathThroughANonObjectIsACatchableResultPathMatchFailure() {
        String definition = """
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:fn", "ResultPath": "$.rollout.result",
                           "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "ResultPath": "$.error", "Next": "Caught"}],
                           "End": true},
                  "Caught": {"Type": "Succeed"}}}""";
        WorkflowRunner pathRunner = AslFixture.runner(WorkflowDefinition.parse(definition, Map.of()),
                TaskHandlers.builder().bind("arn:fn", new ScriptedHandler(() -> T0).thenReturn("1")).build());

        Execution execution = pathRunner.start("path-1", INPUT);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output().orElseThrow().get("error").get("Error").asText())
                .isEqualTo("States.ResultPathMatchFailure");
    }
}
