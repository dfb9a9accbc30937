package dev.rollgate.core.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * The lifecycle's view of one rollout: enough to decide the next transition, nothing more.
 *
 * @param status         current status
 * @param stageIndex     index into the policy's stages of the stage being run (or held, or rolled back from);
 *                       while PENDING, the stage to enter once the preflight passes (0, or a rerun's stage)
 * @param trafficWeight  percent of user traffic currently on the candidate
 * @param stageEnteredAt when the current stage began (minimum durations count from here)
 * @param updatedAt      when the last transition happened
 * @param lastReason     reason code ({@link ReasonCode} name) of the last state-changing transition; it also tells
 *                       a HOLD whether it guards the preflight, and a ROLLING_BACK whether it ends ABORTED, so
 *                       stores must keep it verbatim
 * @param run            which run of the rollout this is: 1 from its start, +1 with every operator rerun. Effects
 *                       that happen once per run rather than once per rollout (the CodeDeploy deployment) are keyed
 *                       by it, so a rerun starts them anew while a retried step within the run finds its own
 */
public record RolloutState(RolloutStatus status, int stageIndex, int trafficWeight, Instant stageEnteredAt,
                           Instant updatedAt, String lastReason, int run) {
    public static final int FIRST_RUN = 1;

    public RolloutState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastReason, "lastReason");
        if (trafficWeight < 0 || trafficWeight > 100) {
            throw new IllegalArgumentException("trafficWeight out of 0..100: " + trafficWeight);
        }
        if (run < FIRST_RUN) {
            throw new IllegalArgumentException("run must be >= " + FIRST_RUN + ", was " + run);
        }
    }

    /** A state of a rollout's first run (tests, demo data, and states stored before runs were counted). */
    public RolloutState(RolloutStatus status, int stageIndex, int trafficWeight, Instant stageEnteredAt,
                        Instant updatedAt, String lastReason) {
        this(status, stageIndex, trafficWeight, stageEnteredAt, updatedAt, lastReason, FIRST_RUN);
    }

    /** A rollout that has been created and not yet run its preflight. */
    public static RolloutState pending(Instant now) {
        return new RolloutState(RolloutStatus.PENDING, 0, 0, now, now, "CREATED", FIRST_RUN);
    }
}
