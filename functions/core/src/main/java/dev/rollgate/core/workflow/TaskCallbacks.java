package dev.rollgate.core.workflow;

/**
 * Completes a waiting workflow task: Step Functions SendTaskSuccess in AWS, the local runner's callback locally.
 * Tokens never leave the server side.
 */
public interface TaskCallbacks {
    void succeed(String taskToken, String outputJson);
}
