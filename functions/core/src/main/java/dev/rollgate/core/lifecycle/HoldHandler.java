package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.ApprovalDecision;
import dev.rollgate.core.lifecycle.Observation.ApprovalTimedOut;
import dev.rollgate.core.lifecycle.Observation.Tick;

import java.time.Instant;

/**
 * HOLD: waiting for one human decision. Approval moves on; rejection or a passed deadline (which resolves as
 * rejected, DESIGN.md section 3) rolls back. Triggers, aborts and ROLLBACK verdicts still act while waiting.
 *
 * <p>What approval moves on to depends on why the rollout holds, which the state's last reason records: a hold
 * raised by the preflight ({@link ReasonCode#PREFLIGHT_REQUIRES_HUMAN}) enters the stage it was about to enter;
 * every other hold leaves the current stage. No-op transitions never change the last reason, so it survives any
 * number of ignored observations.
 */
final class HoldHandler implements StatusHandler {
    private final Moves moves;
    private final SafetyRules safety;

    HoldHandler(Moves moves) {
        this.moves = moves;
        this.safety = new SafetyRules(moves);
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        return safety.apply(state, observation, now).orElseGet(() -> {
            if (observation instanceof ApprovalDecision decision) {
                return decision.approved() ? approve(state, decision, now)
                        : moves.rollBack(state, ReasonCode.APPROVAL_REJECTED, describe(decision), now);
            }
            if (observation instanceof ApprovalTimedOut) {
                return moves.rollBack(state, ReasonCode.APPROVAL_TIMED_OUT, "approval deadline passed", now);
            }
            if (observation instanceof Tick) {
                return moves.stay(state, ReasonCode.AWAITING_APPROVAL);
            }
            return moves.ignore(state, observation);
        });
    }

    private Transition approve(RolloutState state, ApprovalDecision decision, Instant now) {
        if (ReasonCode.PREFLIGHT_REQUIRES_HUMAN.name().equals(state.lastReason())) {
            return moves.enterStage(state, state.stageIndex(), ReasonCode.APPROVED, describe(decision), now);
        }
        return moves.advance(state, ReasonCode.APPROVED, describe(decision), now);
    }

    private static String describe(ApprovalDecision decision) {
        return (decision.approved() ? "approved by " : "rejected by ") + decision.decidedBy()
                + (decision.note().isBlank() ? "" : ": " + decision.note());
    }
}
