package dev.rollgate.aws.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.approval.CallbackOutcome;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Completes the approval step's {@code .waitForTaskToken} task: an approval with SendTaskSuccess and the decision
 * as the task output, a rejection with SendTaskFailure and error {@value #REJECTED_ERROR}, the name the
 * {@code AwaitApproval} Catch of {@code statemachine/rollout.asl.json} routes to its rejection path.
 * A token Step Functions no longer knows (timed out, aborted, already used) is an
 * expected outcome, not a failure.
 */
public final class StepFunctionsApprovalCallback implements ApprovalCallback {
    public static final String REJECTED_ERROR = "Rollgate.ApprovalRejected";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn;

    public StepFunctionsApprovalCallback(SfnClient sfn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
    }

    @Override
    public CallbackOutcome send(ApprovalRequest request, ApprovalDecision decision) {
        String document = decisionDocument(request, decision);
        try {
            if (decision.verdict() == ApprovalStatus.APPROVED) {
                sfn.sendTaskSuccess(SendTaskSuccessRequest.builder().taskToken(request.taskToken())
                        .output(document).build());
            } else {
                sfn.sendTaskFailure(SendTaskFailureRequest.builder().taskToken(request.taskToken())
                        .error(REJECTED_ERROR).cause(document).build());
            }
            return new CallbackOutcome.Delivered();
        } catch (TaskTimedOutException e) {
            return new CallbackOutcome.NoLongerWaiting("the approval step had already timed out");
        } catch (TaskDoesNotExistException | InvalidTokenException e) {
            return new CallbackOutcome.NoLongerWaiting("the workflow no longer waits for this approval");
        } catch (SdkException e) {
            throw new ApprovalCallbackException("sending the decision on approval " + request.id()
                    + " to Step Functions failed", e);
        }
    }

    /** The task output / failure cause the workflow reads: who decided what, when and why. */
    static String decisionDocument(ApprovalRequest request, ApprovalDecision decision) {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("approvalId", request.id());
        doc.put("rolloutId", request.rolloutId());
        doc.put("stage", request.stage());
        doc.put("decision", decision.verdict().name());
        doc.put("decidedBy", decision.decidedBy());
        doc.put("decidedAt", decision.decidedAt().toString());
        doc.put("reason", decision.reason());
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always serialisable", e);
        }
    }
}
