package dev.rollgate.aws.stepfunctions;

import dev.rollgate.core.workflow.TaskCallbacks;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.util.Objects;

/**
 * Completes a waiting Step Functions task with SendTaskSuccess. A task that already timed out or finished is no
 * longer waiting: the workflow has moved on (the timeout path resolves the approval as rejected), so there is
 * nothing left to wake and the call is not an error.
 */
public final class StepFunctionsTaskCallbacks implements TaskCallbacks {
    private final SfnClient sfn;

    public StepFunctionsTaskCallbacks(SfnClient sfn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
    }

    @Override
    public void succeed(String taskToken, String outputJson) {
        try {
            sfn.sendTaskSuccess(SendTaskSuccessRequest.builder().taskToken(taskToken).output(outputJson).build());
        } catch (TaskTimedOutException | TaskDoesNotExistException noLongerWaiting) {
            // Expected after a deadline or a duplicate callback; the stored decision is what counts.
        }
    }
}
