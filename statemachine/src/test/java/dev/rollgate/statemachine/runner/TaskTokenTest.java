package dev.rollgate.statemachine.runner;

import static dev.rollgate.statemachine.runner.AslFixture.T0;
import static dev.rollgate.statemachine.runner.AslFixture.json;
import static dev.rollgate.statemachine.runner.AslFixture.lambdaArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskTokenTest {
    private static final String INPUT = "{\"rollout\": \"r-9\"}";

    private final List<JsonNode> approvalRequests = new ArrayList<>();
    private final AtomicReference<WorkflowRunner> runnerRef = new AtomicReference<>();
    private TaskHandler approvalHandler = payload -> {
        approvalRequests.add(payload);
        return json("{\"ignored\": true}");
    };
    private final WorkflowRunner runner = runner(payload -> approvalHandler.handle(payload));

    private WorkflowRunner runner(TaskHandler handler) {
        WorkflowDefinition definition = AslFixture.definition("wait-for-token.asl.json",
                Map.of("ApprovalFunctionArn", lambdaArn("RequestApproval")));
        WorkflowRunner created = AslFixture.runner(definition,
                TaskHandlers.builder().bind(lambdaArn("RequestApproval"), handler).build());
        runnerRef.set(created);
        return created;
    }

    private String tokenOf(int request) {
        return approvalRequests.get(request).get("token").asText();
    }

    @Test
    void theExecutionPausesUntilTheTokenIsSentSuccessAndContinuesWithThatOutput() {
        Execution execution = runner.start("approve-1", INPUT);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.WAITING_FOR_CALLBACK);
        assertThat(approvalRequests).singleElement().satisfies(payload -> {
            assertThat(payload.get("rollout").asText()).isEqualTo("r-9");
            assertThat(payload.get("execution").asText()).isEqualTo("approve-1");
        });
        assertThat(execution.pendingTaskToken()).contains(tokenOf(0));
        assertThat(execution.nextWakeUp()).contains(T0.plusSeconds(3600));

        runner.advanceBy(Duration.ofMinutes(20));
        assertThat(runner.sendTaskSuccess(tokenOf(0), "{\"approved\": true, \"by\": \"ana\"}"))
                .isEqualTo(CallbackOutcome.ACCEPTED);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).contains(json(
                "{\"rollout\": \"r-9\", \"approval\": {\"approved\": true, \"by\": \"ana\"}}"));
        assertThat(execution.stopTime()).contains(T0.plus(Duration.ofMinutes(20)));
        assertThat(execution.statesEntered()).containsExactly("RequestApproval", "Decide", "Approved");
    }

    @Test
    void aTaskFailureCallbackIsCaughtByItsErrorName() {
        Execution execution = runner.start("approve-2", INPUT);

        runner.sendTaskFailure(tokenOf(0), "Approval.Rejected", "risk too high");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains(new ExecutionError("Rollout.Rejected", "the approver said no"));
        assertThat(execution.statesEntered()).containsExactly("RequestApproval", "Rejected");
    }

    @Test
    void noCallbackWithinTimeoutSecondsIsStatesTimeoutOnTheVirtualClock() {
        Execution execution = runner.start("approve-3", INPUT);

        runner.advanceBy(Duration.ofSeconds(3599));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.WAITING_FOR_CALLBACK);
        runner.advanceBy(Duration.ofSeconds(1));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow().error()).isEqualTo("Rollout.ApprovalTimedOut");
        assertThat(execution.history(ExecutionEventType.TASK_TIMED_OUT)).singleElement()
                .satisfies(event -> assertThat(event.timestamp()).isEqualTo(T0.plusSeconds(3600)));
        assertThat(runner.sendTaskSuccess(tokenOf(0), "{\"approved\": true}"))
                .isEqualTo(CallbackOutcome.TASK_TIMED_OUT);
    }

    @Test
    void callbacksForUnknownOrSettledTokensOrWithBadOutputAreRefused() {
        runner.start("approve-4", INPUT);

        assertThat(runner.sendTaskSuccess("not-a-token", "{}")).isEqualTo(CallbackOutcome.INVALID_TOKEN);
        assertThat(runner.sendTaskSuccess(tokenOf(0), "{not json")).isEqualTo(CallbackOutcome.INVALID_OUTPUT);
        assertThat(runner.sendTaskSuccess(tokenOf(0), "{\"approved\": false}")).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(runner.sendTaskFailure(tokenOf(0), "Late", "")).isEqualTo(CallbackOutcome.TASK_TIMED_OUT);
    }

    @Test
    void aCallbackSentFromInsideTheHandlerCompletesTheTask() {
        approvalHandler = payload -> {
            runnerRef.get().sendTaskSuccess(payload.get("token").asText(), "{\"approved\": true}");
            return null;
        };

        Execution execution = runner.start("approve-5", INPUT);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aRetriedCallbackTaskGetsANewTokenAndTheOldOneIsClosed() {
        List<String> tokens = new ArrayList<>();
        approvalHandler = payload -> {
            tokens.add(payload.get("token").asText());
            if (tokens.size() == 1) {
                throw new TaskFailure("Lambda.ServiceException", "cold");
            }
            return null;
        };

        Execution execution = runner.start("approve-6", INPUT);
        runner.runUntilSettled(execution, Duration.ofMinutes(1));

        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.WAITING_FOR_CALLBACK);
        assertThat(runner.sendTaskSuccess(tokens.get(0), "{}")).isEqualTo(CallbackOutcome.TASK_TIMED_OUT);
        assertThat(runner.sendTaskSuccess(tokens.get(1), "{\"approved\": true}")).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void heartbeatsKeepACallbackTaskAliveUntilTheyStop() {
        List<String> tokens = new ArrayList<>();
        WorkflowRunner heartbeatRunner = AslFixture.runner(AslFixture.definition("heartbeat.asl.json"),
                TaskHandlers.builder().bind("arn:aws:states:::sqs:sendMessage.waitForTaskToken", input -> {
                    tokens.add(input.get("MessageBody").get("token").asText());
                    return null;
                }).build());
        Execution execution = heartbeatRunner.start("heartbeat-1", "{}");

        heartbeatRunner.advanceBy(Duration.ofSeconds(50));
        assertThat(heartbeatRunner.sendTaskHeartbeat(tokens.get(0))).isEqualTo(CallbackOutcome.ACCEPTED);
        heartbeatRunner.advanceBy(Duration.ofSeconds(50));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.WAITING_FOR_CALLBACK);
        heartbeatRunner.advanceBy(Duration.ofSeconds(10));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow().error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(execution.stopTime()).contains(T0.plusSeconds(110));
    }
}
