package dev.rollgate.core.lifecycle;

import java.util.Objects;

/**
 * Something the workflow must do because of a transition. The lifecycle only names the work; adapters (traffic
 * driver, Cordum client, approval store, event bus, outcome recorder) do it and report back with an
 * {@link Observation}.
 */
public sealed interface Command {

    /** Run the Cordum policy simulation and workflow dry-run before the rollout enters {@code stageIndex}. */
    record RunPreflight(int stageIndex) implements Command {
        public RunPreflight {
            Checks.notNegative(stageIndex, "stageIndex");
        }
    }

    /** Route {@code weight} percent of user traffic to the candidate for stage {@code stageIndex}. */
    record ShiftTraffic(int stageIndex, int weight) implements Command {
        public ShiftTraffic {
            Checks.notNegative(stageIndex, "stageIndex");
            Checks.percent(weight, "weight");
        }
    }

    /** Begin the stage's observation (metric windows, judge, triggers); its minimum duration counts from now. */
    record StartObserving(int stageIndex, String stageName) implements Command {
        public StartObserving {
            Checks.notNegative(stageIndex, "stageIndex");
            Checks.text(stageName, "stageName");
        }
    }

    /** Ask a human to approve leaving (or, for a preflight hold, entering) stage {@code stageIndex}. */
    record RequestApproval(int stageIndex, ApprovalReason reason, String detail) implements Command {
        public RequestApproval {
            Checks.notNegative(stageIndex, "stageIndex");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Put all user traffic back on the baseline (candidate weight 0), because of {@code cause}. */
    record RollBackTraffic(ReasonCode cause) implements Command {
        /** The candidate's weight after a rollback: always the baseline only. */
        public static final int BASELINE_WEIGHT = 0;

        public RollBackTraffic {
            Objects.requireNonNull(cause, "cause");
        }

        public int weight() {
            return BASELINE_WEIGHT;
        }
    }

    /**
     * Tell notification targets what just happened: one per state-changing transition, describing the new state.
     *
     * @param status        the new status
     * @param stageIndex    the new stage index
     * @param trafficWeight the candidate weight commanded in the new state
     * @param reason        why
     * @param detail        human-readable context (who approved, which trigger, the judge's score); no secrets
     */
    record PublishEvent(RolloutStatus status, int stageIndex, int trafficWeight, ReasonCode reason, String detail)
            implements Command {
        public PublishEvent {
            Objects.requireNonNull(status, "status");
            Checks.notNegative(stageIndex, "stageIndex");
            Checks.percent(trafficWeight, "trafficWeight");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        static PublishEvent of(RolloutState state, ReasonCode reason, String detail) {
            return new PublishEvent(state.status(), state.stageIndex(), state.trafficWeight(), reason, detail);
        }
    }

    /** Record the rollout's final outcome (a terminal status) with the stage it ended in. */
    record RecordOutcome(RolloutStatus outcome, int stageIndex, ReasonCode reason) implements Command {
        public RecordOutcome {
            Objects.requireNonNull(outcome, "outcome");
            if (!outcome.isTerminal()) {
                throw new IllegalArgumentException("outcome must be a terminal status, was " + outcome);
            }
            Checks.notNegative(stageIndex, "stageIndex");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
