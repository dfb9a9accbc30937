package dev.rollgate.core.approval;

import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Fake {@link ApprovalCallback} that records every delivery; an optional reaction stands in for the workflow
 * resuming (e.g. moving the rollout on after an approval).
 */
public final class InMemoryApprovalCallback implements ApprovalCallback {
    /** One delivered decision, with the token the workflow would have received. */
    public record Delivery(String approvalId, String taskToken, ApprovalDecision decision) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile BiConsumer<ApprovalRequest, ApprovalDecision> reaction = (request, decision) -> { };

    public void onDelivery(BiConsumer<ApprovalRequest, ApprovalDecision> workflowReaction) {
        this.reaction = workflowReaction;
    }

    @Override
    public CallbackOutcome send(ApprovalRequest request, ApprovalDecision decision) {
        synchronized (deliveries) {
            deliveries.add(new Delivery(request.id(), request.taskToken(), decision));
        }
        reaction.accept(request, decision);
        return new CallbackOutcome.Delivered();
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }
}
