package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;

import java.time.Duration;
import java.time.Instant;

/**
 * Derives the workflow's next step from the rollout's state alone. Because the step is a function of the stored
 * state, a handler retried after its write answers exactly as the first attempt did.
 */
public final class StepPlanner {
    /** Rollback triggers are checked at every evaluation, so observation waits are capped at this. */
    public static final Duration MAX_OBSERVATION_WAIT = Duration.ofMinutes(5);
    /** How long a human has to answer an approval request before it resolves as rejected. */
    public static final Duration APPROVAL_TIMEOUT = Duration.ofHours(24);
    /** Step Functions needs a positive wait; one second is the least. */
    private static final long MIN_WAIT_SECONDS = 1;

    private final Duration maxObservationWait;

    public StepPlanner() {
        this(MAX_OBSERVATION_WAIT);
    }

    public StepPlanner(Duration maxObservationWait) {
        this.maxObservationWait = maxObservationWait;
    }

    public WorkflowStep plan(String rolloutId, RolloutState state, RolloutPolicy policy, Instant now) {
        NextStep next = switch (state.status()) {
            case PENDING -> NextStep.PREFLIGHT;
            case PROMOTING -> NextStep.SHIFT_TRAFFIC;
            case SHADOW, CANARY, BAKING -> NextStep.OBSERVE;
            case HOLD -> NextStep.AWAIT_APPROVAL;
            case ROLLING_BACK -> NextStep.ROLL_BACK;
            case PROMOTED, ROLLED_BACK, ABORTED, FAILED -> NextStep.FINISH;
        };
        Stage stage = policy.stage(state.stageIndex());
        int weight = next == NextStep.SHIFT_TRAFFIC ? stage.weight() : state.trafficWeight();
        long wait = next == NextStep.OBSERVE ? observationWait(stage, state, now) : 0;
        long approvalTimeout = next == NextStep.AWAIT_APPROVAL ? APPROVAL_TIMEOUT.toSeconds() : 0;
        return new WorkflowStep(rolloutId, next, state.status(), state.stageIndex(), weight, wait, approvalTimeout);
    }

    /**
     * The next evaluation comes after one analysis interval, or sooner so triggers are checked often, and never
     * later than the moment the stage's minimum duration is reached (so a promotion is not delayed by a whole
     * interval).
     */
    private long observationWait(Stage stage, RolloutState state, Instant now) {
        Duration wait = stage.analysis().interval();
        if (wait.isZero() || wait.compareTo(maxObservationWait) > 0) {
            wait = maxObservationWait;
        }
        Duration untilMinimum = Duration.between(now, state.stageEnteredAt().plus(stage.minDuration()));
        if (!untilMinimum.isNegative() && !untilMinimum.isZero() && untilMinimum.compareTo(wait) < 0) {
            wait = untilMinimum;
        }
        return Math.max(MIN_WAIT_SECONDS, wait.toSeconds());
    }
}
