package dev.rollgate.aws.stepfunctions;

import dev.rollgate.core.approval.CallbackOutcome;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepFunctionsApprovalCallbackTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final ApprovalRequest REQUEST = ApprovalRequest.pending("ap-1", "ro-1", "acme", "canary-1",
            "marginal-score", "alice@example.com", "token-123", AT, AT.plus(Duration.ofHours(1)));

    /** Records the calls; a configured exception stands in for Step Functions' answer. */
    private static final class RecordingSfn implements SfnClient {
        final List<Object> calls = new ArrayList<>();
        RuntimeException answer;

        @Override
        public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
            calls.add(request);
            if (answer != null) {
                throw answer;
            }
            return SendTaskSuccessResponse.builder().build();
        }

        @Override
        public SendTaskFailureResponse sendTaskFailure(SendTaskFailureRequest request) {
            calls.add(request);
            if (answer != null) {
                throw answer;
            }
            return SendTaskFailureResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sfn";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void an_approval_completes_the_task_with_the_decision_as_output() {
        RecordingSfn sfn = new RecordingSfn();
        CallbackOutcome outcome = new StepFunctionsApprovalCallback(sfn).send(REQUEST,
                new ApprovalDecision(ApprovalStatus.APPROVED, "bob@example.com", AT, "looks \"fine\""));

        assertThat(outcome).isEqualTo(new CallbackOutcome.Delivered());
        SendTaskSuccessRequest sent = (SendTaskSuccessRequest) sfn.calls.get(0);
        assertThat(sent.taskToken()).isEqualTo("token-123");
        assertThat(sent.output()).isEqualTo("{\"approvalId\":\"ap-1\",\"rolloutId\":\"ro-1\",\"stage\":\"canary-1\","
                + "\"decision\":\"APPROVED\",\"decidedBy\":\"bob@example.com\",\"decidedAt\":\"2026-03-01T12:00:00Z\","
                + "\"reason\":\"looks \\\"fine\\\"\"}");
    }

    @Test
    void a_rejection_fails_the_task_with_the_rejected_error() {
        RecordingSfn sfn = new RecordingSfn();
        new StepFunctionsApprovalCallback(sfn).send(REQUEST,
                new ApprovalDecision(ApprovalStatus.REJECTED, "bob@example.com", AT, "error budget spent"));

        SendTaskFailureRequest sent = (SendTaskFailureRequest) sfn.calls.get(0);
        assertThat(sent.error()).isEqualTo(StepFunctionsApprovalCallback.REJECTED_ERROR);
        assertThat(sent.cause()).contains("\"decision\":\"REJECTED\"").contains("error budget spent");
    }

    @Test
    void the_rejection_error_is_the_one_the_workflow_definition_catches() throws Exception {
        String asl = java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "statemachine",
                "rollout.asl.json"));
        assertThat(asl).contains("\"" + StepFunctionsApprovalCallback.REJECTED_ERROR + "\"");
    }

    @Test
    void a_timed_out_step_is_reported_as_no_longer_waiting() {
        RecordingSfn sfn = new RecordingSfn();
        sfn.answer = TaskTimedOutException.builder().message("Task Timed Out").build();

        assertThat(new StepFunctionsApprovalCallback(sfn).send(REQUEST,
                new ApprovalDecision(ApprovalStatus.APPROVED, "bob@example.com", AT, "ok")))
                .isEqualTo(new CallbackOutcome.NoLongerWaiting("the approval step had already timed out"));
    }

    @Test
    void an_unreachable_service_is_a_technical_failure_without_the_token_in_the_message() {
        RecordingSfn sfn = new RecordingSfn();
        sfn.answer = SdkClientException.create("connection refused");

        assertThatThrownBy(() -> new StepFunctionsApprovalCallback(sfn).send(REQUEST,
                new ApprovalDecision(ApprovalStatus.APPROVED, "bob@example.com", AT, "ok")))
                .isInstanceOf(ApprovalCallbackException.class)
                .hasMessageNotContaining("token-123")
                .hasCauseInstanceOf(SdkClientException.class);
    }
}
