package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.RerunRequested;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * PROMOTED, ROLLED_BACK, ABORTED, FAILED absorb every observation, with one operator-driven exception: a rerun
 * from a named stage reopens a ROLLED_BACK or FAILED rollout (DESIGN.md section 1, "rerun from a named step").
 *
 * <p>Rules of a rerun, each refused as a no-op with its own reason rather than an exception:
 * <ul>
 *   <li>only from ROLLED_BACK or FAILED: PROMOTED is done, and ABORTED is an operator's deliberate stop (start a
 *       new rollout instead);</li>
 *   <li>the stage must exist in the policy;</li>
 *   <li>it may not lie beyond the stage the rollout reached, so a rerun never skips a gate that was never
 *       passed;</li>
 *   <li>it starts with a fresh preflight, because traffic is about to move again and Cordum's policies may
 *       have changed since;</li>
 *   <li>it is the rollout's next {@link RolloutState#run() run}, so once-per-run effects (the CodeDeploy
 *       deployment) start anew instead of finding the earlier run's.</li>
 * </ul>
 */
final class TerminalHandler implements StatusHandler {
    private static final Set<RolloutStatus> RERUNNABLE = EnumSet.of(RolloutStatus.ROLLED_BACK, RolloutStatus.FAILED);

    private final Moves moves;

    TerminalHandler(Moves moves) {
        this.moves = moves;
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        if (observation instanceof RerunRequested rerun && RERUNNABLE.contains(state.status())) {
            return rerun(state, rerun, now);
        }
        return moves.stay(state, ReasonCode.IGNORED_TERMINAL);
    }

    private Transition rerun(RolloutState state, RerunRequested rerun, Instant now) {
        int index = moves.indexOf(rerun.stageName());
        if (index < 0) {
            return moves.stay(state, ReasonCode.IGNORED_RERUN_UNKNOWN_STAGE);
        }
        if (index > state.stageIndex()) {
            return moves.stay(state, ReasonCode.IGNORED_RERUN_BEYOND_REACHED_STAGE);
        }
        return moves.awaitPreflight(state.run() + 1, index, ReasonCode.RERUN_REQUESTED,
                "rerun from stage " + rerun.stageName() + " requested by " + rerun.requestedBy(), now);
    }
}
