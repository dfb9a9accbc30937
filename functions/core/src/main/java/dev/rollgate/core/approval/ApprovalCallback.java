package dev.rollgate.core.approval;

import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;

/**
 * Hands a recorded approval decision back to the waiting workflow. In AWS this completes the request's Step
 * Functions task token (SendTaskSuccess / SendTaskFailure); locally it resumes the local workflow runner.
 * The decision must already be stored (exactly one decision wins in the store), so sending is only delivery.
 */
public interface ApprovalCallback {
    /** Delivers {@code decision} for {@code request}; the task token never leaves the server side. */
    CallbackOutcome send(ApprovalRequest request, ApprovalDecision decision);
}
