package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.JudgeVerdict;
import dev.rollgate.core.lifecycle.Observation.Tick;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.PromotionGate;
import dev.rollgate.core.policy.Stage;

import java.time.Instant;

/**
 * SHADOW and CANARY: the candidate serves the stage's weight (0 for shadow, against a mirrored workload) and
 * the stage is observed.
 *
 * <p>Promotion needs the stage's minimum duration and, when the gate compares measurements (judge score, latency,
 * policy-deny rate), a PROMOTE verdict. Gating decisions are taken at the end of the minimum duration, not before:
 * an early PROMOTE or an early marginal score only means "keep observing", because the cumulative window may
 * still change; only a ROLLBACK verdict or a trigger acts early (see {@link SafetyRules}). A stage whose gate
 * compares nothing (the default shadow stage, whose gate is the preflight plus "no critical incident", or a pure
 * Argo-style pause) is left on the first tick after its duration: what could stop it arrives as a trigger.
 */
final class ObservingHandler implements StatusHandler {
    private final Moves moves;
    private final SafetyRules safety;

    ObservingHandler(Moves moves) {
        this.moves = moves;
        this.safety = new SafetyRules(moves);
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        return safety.apply(state, observation, now).orElseGet(() -> {
            if (observation instanceof JudgeVerdict verdict) {
                return onVerdict(state, verdict, now);
            }
            if (observation instanceof Tick) {
                return onTick(state, now);
            }
            return moves.ignore(state, observation);
        });
    }

    private Transition onVerdict(RolloutState state, JudgeVerdict verdict, Instant now) {
        if (verdict.stageIndex() != state.stageIndex()) {
            return moves.stay(state, ReasonCode.IGNORED_STALE_VERDICT);
        }
        boolean elapsed = moves.minDurationElapsed(state, now);
        switch (verdict.outcome()) {
            case PROMOTE:
                return elapsed
                        ? moves.leaveStage(state, ReasonCode.VERDICT_PROMOTE, VerdictText.of(verdict), now)
                        : moves.stay(state, ReasonCode.MIN_DURATION_NOT_REACHED);
            case HOLD:
                return elapsed ? onMarginal(state, verdict, now)
                        : moves.stay(state, ReasonCode.MARGINAL_BEFORE_MIN_DURATION);
            case CONTINUE:
                return moves.stay(state, ReasonCode.VERDICT_CONTINUE);
            default:
                // ROLLBACK never gets here: SafetyRules handled it first.
                throw new IllegalStateException("unhandled verdict outcome " + verdict.outcome());
        }
    }

    private Transition onMarginal(RolloutState state, JudgeVerdict verdict, Instant now) {
        if (moves.stageOf(state).approval() == ApprovalMode.NEVER) {
            return moves.rollBack(state, ReasonCode.MARGINAL_SCORE_WITHOUT_APPROVAL, VerdictText.of(verdict), now);
        }
        return moves.hold(state, ApprovalReason.MARGINAL_SCORE, VerdictText.of(verdict), now);
    }

    private Transition onTick(RolloutState state, Instant now) {
        if (!moves.minDurationElapsed(state, now)) {
            return moves.stay(state, ReasonCode.MIN_DURATION_NOT_REACHED);
        }
        Stage stage = moves.stageOf(state);
        if (needsVerdict(stage.gate())) {
            return moves.stay(state, ReasonCode.AWAITING_VERDICT);
        }
        return moves.leaveStage(state, ReasonCode.MIN_DURATION_ELAPSED,
                "minimum duration of stage " + stage.name() + " elapsed", now);
    }

    /**
     * True when the gate compares measurements that only an evaluation can confirm. Fail closed: such a stage
     * never promotes on time alone, so a broken metric feed holds the rollout instead of promoting it. The
     * preflight part of a gate was checked before the stage was entered, and critical incidents arrive as the
     * CRITICAL_INCIDENT trigger, so neither needs a verdict.
     */
    static boolean needsVerdict(PromotionGate gate) {
        return gate.judgeScore() || gate.stableLatency() || gate.maxPolicyDenyRate().isPresent();
    }
}
