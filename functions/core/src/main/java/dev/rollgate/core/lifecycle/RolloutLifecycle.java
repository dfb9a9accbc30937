package dev.rollgate.core.lifecycle;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rollout lifecycle of DESIGN.md section 1 as a pure function: (state, observation, now) to (state, commands,
 * reason). No clock, no I/O, no exceptions for observations that do not fit: those come back as no-op
 * transitions with an {@code IGNORED_...} reason, so a late or duplicated report from the workflow can never
 * crash a rollout. Replaying a recorded history of observations with their times gives the same states.
 *
 * <p>The states, in policy order: PENDING (preflight) then, per stage, PROMOTING (traffic shift commanded) and
 * SHADOW / CANARY / BAKING (observed; BAKING is the full stage), with HOLD whenever a human must decide.
 * ROLLING_BACK leads to ROLLED_BACK, or to ABORTED after an operator's abort; a failed preflight ends FAILED.
 * Each status has its own handler class, which says why it behaves as it does.
 *
 * <p>Terminal states absorb every observation except an operator's rerun from a named stage, which reopens a
 * ROLLED_BACK or FAILED rollout (not a PROMOTED or deliberately ABORTED one) at PENDING with a fresh preflight,
 * and only from a stage the rollout had reached, so no gate is ever skipped.
 *
 * <p>{@link RolloutState#trafficWeight()} is the weight last commanded: it rises stage by stage with each
 * ShiftTraffic command and drops to 0 with the RollBackTraffic command, never otherwise.
 */
public final class RolloutLifecycle {
    private final RolloutPolicy policy;
    private final Moves moves;
    private final Map<RolloutStatus, StatusHandler> handlers = new EnumMap<>(RolloutStatus.class);

    /**
     * @param policy a resolved policy; its stage weights must be within 0..100 and never fall, which the policy
     *               parser guarantees, so a violation here is a programming error
     */
    public RolloutLifecycle(RolloutPolicy policy) {
        this.policy = requireRunnable(policy);
        this.moves = new Moves(policy);
        StatusHandler observing = new ObservingHandler(moves);
        StatusHandler terminal = new TerminalHandler(moves);
        handlers.put(RolloutStatus.PENDING, new PendingHandler(moves));
        handlers.put(RolloutStatus.SHADOW, observing);
        handlers.put(RolloutStatus.CANARY, observing);
        handlers.put(RolloutStatus.HOLD, new HoldHandler(moves));
        handlers.put(RolloutStatus.PROMOTING, new PromotingHandler(moves));
        handlers.put(RolloutStatus.BAKING, new BakingHandler(moves));
        handlers.put(RolloutStatus.ROLLING_BACK, new RollingBackHandler(moves));
        for (RolloutStatus status : RolloutStatus.values()) {
            if (status.isTerminal()) {
                handlers.put(status, terminal);
            }
        }
    }

    public RolloutPolicy policy() {
        return policy;
    }

    /** A new rollout: PENDING at the first stage, asking for the preflight. */
    public Transition start(Instant now) {
        Objects.requireNonNull(now, "now");
        return moves.awaitPreflight(RolloutState.FIRST_RUN, 0, ReasonCode.CREATED,
                "rollout created with policy " + policy.name(), now);
    }

    /**
     * The next state of a rollout.
     *
     * @param state       the rollout's current state; its stage index must belong to this lifecycle's policy
     * @param observation what happened
     * @param now         when it is being handled (minimum durations and the bake are measured against it)
     * @return the transition; a no-op returns {@code state} itself with no commands
     */
    public Transition next(RolloutState state, Observation observation, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(now, "now");
        if (state.stageIndex() < 0 || state.stageIndex() >= policy.stages().size()) {
            throw new IllegalArgumentException("rollout state stage index " + state.stageIndex()
                    + " is outside policy '" + policy.name() + "' with " + policy.stages().size() + " stages");
        }
        return handlers.get(state.status()).handle(state, observation, now);
    }

    private static RolloutPolicy requireRunnable(RolloutPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policy.stages().isEmpty()) {
            throw new IllegalArgumentException("policy '" + policy.name() + "' has no stages");
        }
        int previous = 0;
        for (Stage stage : policy.stages()) {
            if (stage.weight() < previous || stage.weight() > 100) {
                throw new IllegalArgumentException("policy '" + policy.name() + "' stage '" + stage.name()
                        + "' has weight " + stage.weight() + "; weights must stay within 0..100 and never fall");
            }
            previous = stage.weight();
        }
        return policy;
    }
}
