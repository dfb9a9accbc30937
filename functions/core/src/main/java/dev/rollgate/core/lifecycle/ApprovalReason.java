package dev.rollgate.core.lifecycle;

/** Why a rollout waits for a human; stored with the approval request so the approver knows what they decide. */
public enum ApprovalReason {
    /** The stage's approval mode is ALWAYS. */
    POLICY_REQUIRED(ReasonCode.HOLD_POLICY_REQUIRED),
    /** The judge's score was marginal at the end of the stage's minimum duration. */
    MARGINAL_SCORE(ReasonCode.HOLD_MARGINAL_SCORE),
    /** The preflight could not decide on its own (for example a Cordum REQUIRE_APPROVAL decision). */
    PREFLIGHT_REQUIRES_HUMAN(ReasonCode.PREFLIGHT_REQUIRES_HUMAN),
    /** The stage has an indefinite pause (Argo {@code pause: {}}), which only a human ends. */
    INDEFINITE_PAUSE(ReasonCode.HOLD_INDEFINITE_PAUSE);

    private final ReasonCode reason;

    ApprovalReason(ReasonCode reason) {
        this.reason = reason;
    }

    /** The reason code of the transition into HOLD for this approval reason. */
    public ReasonCode reason() {
        return reason;
    }
}
